import { describe, expect, it } from 'vitest';
import { guessLanguage, primaryLanguage } from './language.js';

describe('guessLanguage', () => {
  it('tells English, French and Spanish prose apart', () => {
    expect(guessLanguage('The minister said on Monday that the talks with the union had failed and that a strike was likely.')).toBe('en');
    expect(guessLanguage('Le ministre a dit lundi que les négociations avec le syndicat ont échoué et que la grève est probable.')).toBe('fr');
    expect(guessLanguage('El ministro dijo el lunes que las negociaciones con el sindicato fracasaron y que la huelga es probable.')).toBe('es');
  });

  it('is not swayed by stop words inside names or capitals', () => {
    const story = 'SOCCER - U.S. BEAT EL SALVADOR 3-1 .\nLOS ANGELES 1996-08-30\nThe United States beat El Salvador 3-1 in Los Angeles on Friday .';
    expect(guessLanguage(story)).toBe('en');
    expect(guessLanguage('SOCCER - U.S. BEAT EL SALVADOR IN LOS ANGELES')).toBeNull();
  });
});

describe('primaryLanguage', () => {
  it('reduces a tag to its primary subtag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('EN_us')).toBe('en');
    expect(primaryLanguage('')).toBeNull();
  });
});

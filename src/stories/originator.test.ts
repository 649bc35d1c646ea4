import { describe, expect, it } from 'vitest';
import { EMPTY_META, type ArticleMeta, type Dateline } from '../article/meta.js';
import { articleFromText } from '../read/layout.js';
import { canonicalAgency, originatorOf } from './index.js';

const dateline = (credits: string[]): Dateline => ({ place: 'SEOUL', region: null, date: null, credits, originator: credits.at(-1) ?? null, republisher: credits.length > 1 ? credits[0]! : null, start: 0, end: 10 });
const doc = (text: string, meta: Partial<ArticleMeta> = {}) => ({ text, meta: { ...EMPTY_META, ...meta } });

describe('originatorOf', () => {
  it('reads each credit form', () => {
    expect(originatorOf(doc('SEOUL (BSS/AFP) - Text.', { dateline: dateline(['BSS', 'AFP']) }))).toBe('AFP');
    expect(originatorOf(doc('Text.', { authors: ['The Associated Press'] }))).toBe('AP');
    expect(originatorOf(doc('Storm hits coast\n\nBy Reuters\n\nA storm hit the coast on Monday.'))).toBe('Reuters');
    expect(originatorOf(doc('A storm hit the coast on Monday, officials said.\n\n- AFP'))).toBe('AFP');
    expect(originatorOf(doc('A storm hit the coast.\n\n- AFP\n\nRead more: Floods\n\nCopyright 2024 Gulf News. All rights reserved.'))).toBe('AFP');
    expect(originatorOf(doc('A storm hit the coast.\n\n(Reporting by Jane Doe; Editing by John Smith)'))).toBe('Reuters');
    expect(originatorOf(doc('GAZA CITY (Agence France-Presse) — A storm.'))).toBe('AFP');
    expect(originatorOf(doc('A storm hit.\n\nCopyright 2024 The Associated Press. All rights reserved.'))).toBe('AP');
  });

  it('is null when nothing credits an agency', () => {
    expect(originatorOf(doc('A storm hit the coast (and the hills) - officials said.\n\nMore rain is due - forecasters'))).toBeNull();
    expect(originatorOf(doc('By Jane Doe\n\nA storm hit the coast.', { authors: ['Jane Doe'] }))).toBeNull();
  });

  it('reads the credit of a wire text through the text reader', () => {
    const article = articleFromText('Storm hits coast\n\nBy The Associated Press\n\nNAIROBI, Kenya (AP) — A storm hit the coast on Monday.');
    expect(originatorOf({ meta: article.meta, text: article.text })).toBe('AP');
  });
});

describe('canonicalAgency', () => {
  it('maps printed forms to one name and refuses others', () => {
    expect(['Agence France-Presse', 'AFP', 'afp.'].map(canonicalAgency)).toEqual(['AFP', 'AFP', 'AFP']);
    expect(canonicalAgency('By The Associated Press')).toBe('AP');
    expect(canonicalAgency('The Daily Star')).toBeNull();
  });
});

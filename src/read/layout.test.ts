import { describe, expect, it } from 'vitest';
import { articleFromText, findDateline, layoutOf } from './layout.js';
import { linesAreSentences } from './lines.js';

describe('the headline is the first line, with or without a blank line after it', () => {
  it.each([
    ['a short unpunctuated line over a blank line', 'Storm hits coast\n\nThe storm hit the coast on Monday.', 'Storm hits coast'],
    ['a line in capitals with a sport before a dash', 'CRICKET - ESSEX TAKE THE LEAD .\nEssex beat Kent by 20 runs on Friday .\nKent fell to third .', 'CRICKET - ESSEX TAKE THE LEAD .'],
    ['a line that ends like a sentence, over a dateline line', 'Jones Medical completes acquisition .\nST. LOUIS 2025-08-30\nJones Medical said on Friday it completed the deal .', 'Jones Medical completes acquisition .'],
    ['an unpunctuated line in text written one sentence per line', 'Kim visits Moscow\nKim Jong Un arrived in Moscow on Tuesday.\nHe met Vladimir Putin.', 'Kim visits Moscow'],
  ])('%s', (_, text, headline) => {
    expect(layoutOf(text).headline).toBe(headline);
  });

  it.each([
    ['a first line that is a sentence', 'The council met on Tuesday.\n\nMembers voted 7-2 in favour.'],
    ['the first line of a wrapped paragraph', 'Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\nborrowing and investment activities of both companies.'],
    ['a line in capitals over more capitals (a text all in capitals)', 'OFFICIALS MET ON TUESDAY\nAND AGREED THE BUDGET FOR NEXT YEAR'],
    ['a single line', 'Storm hits coast'],
    ['a dateline alone on its line, the body after a blank line', 'NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the embassy.'],
    ['a line that introduces what follows', 'The New York Times said in an editorial on Monday, Oct. 26:\n\nThe vote was a mistake.'],
  ])('not %s', (_, text) => {
    expect(layoutOf(text).headline).toBeNull();
  });
});

describe('datelines under a headline', () => {
  it('reads a PLACE YYYY-MM-DD line under the headline as the dateline, with its date', () => {
    const text = 'SOCCER - ROMANIA BEAT LITHUANIA .\nBUCHAREST 2025-08-30\nRomania beat Lithuania 2-1 on Friday .';
    const article = articleFromText(text);
    expect(article.meta.headline).toBe('SOCCER - ROMANIA BEAT LITHUANIA .');
    expect(article.meta.dateline).toMatchObject({ place: 'BUCHAREST', date: '2025-08-30' });
    expect(text.slice(article.meta.dateline!.start, article.meta.dateline!.end)).toBe('BUCHAREST 2025-08-30');
  });

  it('never takes the sport before the headline dash for a place', () => {
    const article = articleFromText('CRICKET - LEICESTERSHIRE TAKE OVER AT TOP .\nLeicestershire beat Somerset on Friday .\nEssex lost .');
    expect(article.meta.dateline).toBeNull();
  });

  it('finds the dateline after a byline line and keeps the byline as the author', () => {
    const article = articleFromText('Markets rally on rate hopes\nJane Doe\nNEW YORK 2025-08-30\nStocks rose on Friday .\nBonds fell .');
    expect(article.meta.authors).toEqual(['Jane Doe']);
    expect(article.meta.dateline).toMatchObject({ place: 'NEW YORK', region: null, date: '2025-08-30' });
  });

  it.each([
    ['NAIROBI, Kenya (AP) _', { place: 'NAIROBI', region: 'Kenya', credits: ['AP'] }],
    ['BUFFALO, N.Y. (AP) --', { place: 'BUFFALO', region: 'N.Y.', credits: ['AP'] }],
    ['ATLANTA _', { place: 'ATLANTA', credits: [] }],
  ])('reads the wire dateline %s alone on the first line, with the body after a blank line', (line, dateline) => {
    const article = articleFromText(`${line}\n\nSuspected bombs exploded outside the embassy on Friday.`);
    expect(article.meta.headline).toBeNull();
    expect(article.meta.dateline).toMatchObject(dateline);
    expect(article.text.slice(article.meta.dateline!.start, article.meta.dateline!.end)).toBe(line);
  });

  it('still reads a wire dateline after a headline and a blank line', () => {
    const text = 'U.S. imposes sanctions\n\nWASHINGTON (Reuters) - The U.S. Treasury imposed sanctions.';
    expect(findDateline(text, true, null)).toMatchObject({ place: 'WASHINGTON', credits: ['Reuters'] });
    expect(layoutOf(text).wire).toBe(true);
  });
});

describe('linesAreSentences', () => {
  it('holds for text written one sentence per line', () => {
    expect(linesAreSentences('Romania beat Lithuania 2-1 .\nScorers :\nRomania - Cosmin Contra ( 31st )\nAttendance : 200')).toBe(true);
  });

  it('does not hold for wrapped paragraphs', () => {
    expect(linesAreSentences('Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored.')).toBe(false);
  });

  it('needs at least two line ends to judge', () => {
    expect(linesAreSentences('Storm hits coast\nThe storm hit.')).toBe(false);
  });
});

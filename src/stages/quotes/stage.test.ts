import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Quote } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { defaultPipeline } from '../../pipeline/pipeline.js';
import { articleFromText } from '../../read/layout.js';

const pipeline = defaultPipeline();
const seedText = readFileSync(fileURLToPath(new URL('../../../data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt', import.meta.url)), 'utf8');
const seed = pipeline.run(articleFromText(seedText));
const name = (id: string | null): string | undefined => seed.layers.entities?.find((e) => e.id === id)?.name;
const quote = (content: string): Quote => {
  const q = seed.layers.quotes?.find((x) => x.content.text.startsWith(content));
  if (!q) throw new Error(`no quote "${content}": ${seed.layers.quotes?.map((x) => x.content.text.slice(0, 30)).join(' | ')}`);
  return q;
};
const quotesOf = (text: string): readonly Quote[] => pipeline.run(createArticle(text, { ...EMPTY_META, language: 'en', published: '2025-09-13' })).layers.quotes ?? [];

describe('the seed story', () => {
  it('attributes Kim Jong Un\'s statement to him, relayed by state media on Saturday', () => {
    expect(quote('Pyongyang will unveil')).toMatchObject({ kind: 'indirect', cue: { text: 'said' }, date: '2025-09-13', sources: [{ text: 'state media' }] });
    expect(name(quote('Pyongyang will unveil').speaker)).toBe('Kim Jong Un');
  });

  it('finds mixed quotes and the KCNA channel', () => {
    const q = quote('Pyongyang "would put forward');
    expect(q.kind).toBe('mixed');
    expect(name(q.sources[0]!.entity)).toBe('Korean Central News Agency');
    expect(quote('itself an "irreversible"')).toMatchObject({ kind: 'mixed', cue: { text: 'declared' } });
    expect(name(quote('itself an').speaker)).toBe('North Korea');
  });

  it('resolves "he added" to Hong Min and "who accused" to Donald Trump', () => {
    expect(name(quote('North Korea\'s military technology').speaker)).toBe('Hong Min');
    expect(quote('North Korea\'s military technology')).toMatchObject({ kind: 'direct', speakerSpan: { text: 'he' } });
    expect(name(quote('the three leaders').speaker)).toBe('Donald Trump');
    expect(quote('the three leaders').speakerSpan?.text).toBe('who');
  });

  it('gives Hong Min\'s direct quote its addressee', () => {
    const q = quote('In essence');
    expect(name(q.speaker)).toBe('Hong Min');
    expect(name(q.addressee)).toBe('Agence France-Presse');
  });

  it('keeps an unnamed speaker as text', () => {
    expect(quote('they expect')).toMatchObject({ speaker: null, speakerText: 'Analysts', cue: { text: 'say' } });
  });
});

describe('attribution forms', () => {
  it.each([
    ['"We will win," said Maria Lopez.', 'We will win,', 'direct'],
    ['The deal is done, officials said on Monday.', 'The deal is done', 'indirect'],
    ['According to the ministry, the border will reopen next week.', 'the border will reopen next week', 'indirect'],
    ['Taxes will rise, according to the finance ministry.', 'Taxes will rise', 'indirect'],
    ['"It is over." Maria Lopez said.', 'It is over.', 'direct'],
    ["''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.", "This isn't tax reform,", 'direct'],
  ])('%s', (text, content, kind) => {
    const [q] = quotesOf(text);
    expect(q).toMatchObject({ content: { text: content }, kind });
  });
});

// Note: no attribution in these: no cue verb, a cue used as a noun or adjective, or a cue inside a quotation.
const NOTHING = [
  'The United States and Canada signed the treaty in Ottawa.',
  'Rain fell across the region on Monday.',
  'The states of Colorado and Nevada voted for the measure.',
  'He was reported missing on Friday.',
];

describe('quote negative cases', () => {
  it.each(NOTHING)('%s', (text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe('an inverted cue after a clause', () => {
  it('takes the clause before `, said Name` as the content and the name as the speaker', () => {
    const [q] = quotesOf('Its first national television ad could start this week, said Brian Baker, a political adviser to the family.');
    expect(q).toMatchObject({ kind: 'indirect', speakerText: 'Brian Baker', rule: 'clause-then-inverted-cue' });
    expect(q!.content.text).toBe('Its first national television ad could start this week');
  });

  it('does not read a clause after the cue as its speaker', () => {
    const quotes = quotesOf('Russia rejected the claims, said the country would respond.');
    expect(quotes.filter((q) => q.rule === 'clause-then-inverted-cue')).toEqual([]);
  });
});

describe('headlines', () => {
  const inHeadline = (headline: string): readonly Quote[] =>
    pipeline.run(createArticle(`${headline}\n\nThe campaign went on in Ohio on Monday.\n`, { ...EMPTY_META, headline, language: 'en', published: '2016-09-30' })).layers.quotes ?? [];

  it('reads a headline without a trailing source like any sentence', () => {
    expect(inHeadline('Pence: Gennifer Flowers won\'t be at the debate')).toMatchObject([{ rule: 'name-colon', speakerText: 'Pence', content: { text: 'Gennifer Flowers won\'t be at the debate' } }]);
    expect(inHeadline('De Blasio says the explosion was an intentional act')).toMatchObject([{ cue: { text: 'says' }, speakerText: 'De Blasio' }]);
  });

  it('keeps a trailing source in a headline as the headline\'s attribution', () => {
    expect(inHeadline('North Korea to boost its nuclear arsenal: state media')).toMatchObject([{ rule: 'headline-colon', speakerText: 'state media' }]);
  });

  it('takes a kicker before a colon for a label, not a speaker', () => {
    const quotes = quotesOf('The Latest: Trump urges supporters to monitor polling places.');
    expect(quotes.map((q) => q.speakerText)).toContain('Trump');
    expect(quotes.map((q) => q.speakerText)).not.toContain('The Latest');
    expect(quotesOf('Exclusive: Ministers will cut the budget by a tenth.').filter((q) => q.rule === 'name-colon')).toEqual([]);
  });

  it('reads a transcript\'s turn that opens with a stray quotation mark', () => {
    const quotes = quotesOf('The interview went on.\n\n"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n');
    expect(quotes.filter((q) => q.rule === 'name-colon')).toMatchObject([{ speakerText: 'PENCE', content: { text: 'Gennifer Flowers will not be attending the debate tomorrow night' } }]);
  });
});

import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { defaultPipeline } from '../../pipeline/pipeline.js';
import { ATTRIBUTION_LABELS } from './tagger/features.js';
import { defaultResources } from '../../pipeline/resources.js';
import { tagAttributions } from './tagger/model.js';

const weights = defaultResources().attributionTagger();

describe('the learned attribution tagger', () => {
  it('labels a plain attribution as source, cue and content', () => {
    const words = ['The', 'ministry', 'said', 'the', 'border', 'would', 'reopen', '.'];
    const pos = ['DT', 'NN', 'VBD', 'DT', 'NN', 'MD', 'VB', '.'];
    const labels = tagAttributions(weights, { words, sentence: words.map(() => 0), inQuote: words.map(() => false), pos });
    expect(labels.every((l) => (ATTRIBUTION_LABELS as readonly string[]).includes(l))).toBe(true);
    expect(labels.slice(0, 2)).toEqual(['B-SRC', 'I-SRC']);
    expect(labels[2]).toBe('B-CUE');
    expect(labels.slice(3, 7)).toEqual(['B-CON', 'I-CON', 'I-CON', 'I-CON']);
  });

  it('quotes nobody for a forecast (`X is expected to travel`), which says what others expect of X', () => {
    const text = 'Zelenskyy is expected to travel to Brussels next week for a meeting of European Union leaders where financing for Ukraine\'s reconstruction will be discussed.';
    const quotes = defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [];
    expect(quotes.map((q) => q.cue.text)).not.toContain('is expected');
    expect(quotes.filter((q) => q.speakerText === 'Zelenskyy')).toEqual([]);
  });

  it('adds an attribution the rules miss, with its cue, content and speaker', () => {
    const text = 'Republicans have long suspected that the agency was biased against them.';
    const quotes = defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [];
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ rule: 'learned', kind: 'indirect', speakerText: 'Republicans' });
    expect(quotes[0]!.cue.text).toMatch(/suspected$/u);
    expect(quotes[0]!.content.text).toMatch(/the agency was biased against them$/u);
    expect(text.slice(quotes[0]!.content.start, quotes[0]!.content.end)).toBe(quotes[0]!.content.text);
  });

  it('reads the rules\' decisions: a rule attribution is not found a second time by the tagger', () => {
    const text = 'The ministry said the border would reopen next week.';
    const quotes = defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [];
    expect(quotes.map((q) => [q.rule, q.cue.text])).toEqual([['cue-indirect', 'said']]);
  });

  it('never takes a participle after a comma as a learned cue', () => {
    const text = 'At the party congress in January, Kim unveiled a military agenda, pledging to develop new weapons.';
    const quotes = defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [];
    expect(quotes.filter((q) => q.rule === 'learned')).toEqual([]);
  });
});

it('tags the same from its caches as from summing every feature', async () => {
  const { tagAttributionsPlain } = await import('./tagger/model.js');
  const sentences = [
    'The ministry said on Monday that the border would reopen , officials added .',
    '" We will not stop , " Maria Lopez told reporters . She also said taxes would rise .',
    'According to the report , most voters have long suspected the agency .',
  ];
  const words = sentences.flatMap((s) => s.split(' '));
  const sentence = sentences.flatMap((s, i) => s.split(' ').map(() => i));
  const rules = words.map((_, i) => (i > 3 && i < 10 ? 1 : i === 2 ? 18 : 0));
  const entities = words.map((w) => (/^(?:Maria|Lopez)$/u.test(w) ? 1 : 0));
  const pos = words.map((w) => (/^(?:said|added|told|suspected)$/u.test(w) ? 'VBD' : /^\p{P}+$/u.test(w) ? '.' : /^\p{Lu}/u.test(w) ? 'NNP' : 'NN'));
  const doc = { words, sentence, inQuote: words.map((_, i) => i > 16 && i < 22), rules, entities, pos };
  const labels = tagAttributions(weights, doc);
  expect(labels.filter((l) => l !== 'O').length).toBeGreaterThan(0);
  expect(labels).toEqual(tagAttributionsPlain(weights, doc));
});

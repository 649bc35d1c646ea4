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
    const labels = tagAttributions(weights, { words, sentence: words.map(() => 0), inQuote: words.map(() => false) });
    expect(labels.every((l) => (ATTRIBUTION_LABELS as readonly string[]).includes(l))).toBe(true);
    expect(labels[2]).toBe('CUE');
    expect(labels.slice(3, 7)).toEqual(['CON', 'CON', 'CON', 'CON']);
  });

  it('adds attributions the rules miss, each with a speaker the rules can place', () => {
    const text = 'Republicans have long suspected that the agency was biased against them.';
    const quotes = defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [];
    for (const q of quotes) expect(q.speakerText).not.toBeNull();
    expect(quotes.every((q) => text.slice(q.content.start, q.content.end) === q.content.text)).toBe(true);
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
  const doc = { words, sentence, inQuote: words.map((_, i) => i > 16 && i < 22) };
  expect(tagAttributions(weights, doc)).toEqual(tagAttributionsPlain(weights, doc));
});

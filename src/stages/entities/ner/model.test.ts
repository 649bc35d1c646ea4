import { describe, expect, it } from 'vitest';
import { loadEntityResources } from '../stage.js';
import { newDocContext, remember, staticFeatures, withHistory } from './features.js';
import { LABELS } from './labels.js';
import { bestAllowed, score, tagSentence, type NerModel } from './model.js';

const { model } = loadEntityResources();

/** The plain decoder: every feature as a string, summed, exactly as in training. */
function plainTag(m: NerModel, words: string[], context: ReturnType<typeof newDocContext>): string[] {
  const statics = staticFeatures(words, m.lexicons, context);
  const labels: string[] = [];
  const scores = new Float64Array(LABELS.length);
  words.forEach((w, i) => {
    const prev = labels[i - 1] ?? 'O';
    score(m.weights, withHistory(statics[i]!, w, prev, labels[i - 2] ?? 'O'), scores);
    labels.push(LABELS[bestAllowed(scores, prev, i === words.length - 1)]!);
  });
  labels.forEach((l, i) => l !== 'O' && /^\p{Lu}/u.test(words[i]!) && remember(context, words[i]!, l.slice(2)));
  return labels;
}

describe('the recogniser', () => {
  const sentences = [
    'North Korean leader Kim Jong Un said Pyongyang will unveil a policy .'.split(' '),
    'SEOUL ( AFP ) - Russian President Vladimir Putin visited the reclusive state .'.split(' '),
    'Shares of Apple Inc. rose 2 percent on Wall Street after the U.S. Federal Reserve met .'.split(' '),
    'NORTH KOREA TO BOOST NUCLEAR ARSENAL : STATE MEDIA'.split(' '),
  ];

  it('gives the same labels from its caches as from summing every feature', () => {
    const fast = newDocContext(sentences);
    const plain = newDocContext(sentences);
    for (const s of sentences) expect(tagSentence(model, s, fast)).toEqual(plainTag(model, s, plain));
  });

  it('finds people, places and organisations', () => {
    const labels = tagSentence(model, sentences[0]!, newDocContext([sentences[0]!]));
    expect(labels.slice(3, 6)).toEqual(['B-PER', 'I-PER', 'L-PER']);
    expect(labels[7]).toBe('U-LOC');
  });

  it('keeps its labels well formed', () => {
    for (const s of sentences) {
      const labels = tagSentence(model, s, newDocContext([s]));
      expect(labels).toHaveLength(s.length);
      // Note: BILOU: I- and L- continue a B- or I- of their type; anything else follows a label that closed.
      [...labels, 'O'].forEach((l, i) => {
        const before = labels[i - 1] ?? 'O';
        const open = /^[BI]-/u.test(before);
        const continues = /^[IL]-/u.test(l);
        expect(continues ? open && before.slice(2) === l.slice(2) : !open, `${s.join(' ')}: ${before} then ${l}`).toBe(true);
      });
    }
  });
});

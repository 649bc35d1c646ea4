import { spansFromLabels } from '../src/stages/entities/ner/labels.js';
import { prf, type Prf } from './scores.js';

/** conlleval's figures: overall and per type, exact span and type. */
export interface ConllEvalResult {
  readonly overall: Prf;
  readonly byType: ReadonlyMap<string, Prf>;
}

/**
 * Scores predicted against gold label sequences as conlleval does: a name counts when its span and type
 * are both exactly right.
 * @param gold - BILOU labels per sentence
 * @param predicted - BILOU labels per sentence, aligned with gold
 * @param mapType - maps a type before comparing (our GPE back to CoNLL's LOC, say)
 */
export function conllEval(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[], mapType: (t: string) => string = (t) => t): ConllEvalResult {
  const counts = new Map<string, { correct: number; system: number; gold: number }>();
  const bump = (type: string, key: 'correct' | 'system' | 'gold'): void => {
    const c = counts.get(type) ?? { correct: 0, system: 0, gold: 0 };
    c[key]++;
    counts.set(type, c);
  };
  gold.forEach((g, i) => {
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${mapType(s.type)}`;
    const goldSpans = spansFromLabels(g);
    const sysSpans = spansFromLabels(predicted[i] ?? []);
    const goldKeys = new Set(goldSpans.map(key));
    for (const s of goldSpans) bump(mapType(s.type), 'gold');
    for (const s of sysSpans) {
      bump(mapType(s.type), 'system');
      if (goldKeys.has(key(s))) bump(mapType(s.type), 'correct');
    }
  });
  let correct = 0;
  let system = 0;
  let goldCount = 0;
  const byType = new Map<string, Prf>();
  for (const [type, c] of [...counts].sort()) {
    byType.set(type, prf(c.correct, c.system, c.gold));
    correct += c.correct;
    system += c.system;
    goldCount += c.gold;
  }
  return { overall: prf(correct, system, goldCount), byType };
}

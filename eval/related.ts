/**
 * Related coverage (issue 13) on ECB+: each document's raw text through the product path (`extractText`, as
 * `wiregraph extract` runs it), then every pair of documents scored by `relatedness` against gold: the same
 * event (topic and sub-topic) is related; the same topic's other event, or another topic, is not. The weights
 * and the threshold are tuned on the odd-numbered topics; the rows are the even-numbered ones.
 */
import { DEFAULT_RELATED_OPTIONS, relatedKeys, relatedParts, weightedScore, type KeyFrequencies, type RelatedOptions, type RelatedParts, type RelatedWeights } from '../src/stories/related.js';
import { storyFeatures, type StoryFeatures } from '../src/stories/related-features.js';
import { readEcbPlus } from './ecbplus.js';
import { extractText } from './product.js';
import { prf, type Prf, type Row } from './scores.js';

/** One ECB+ document through the product, with its gold event. */
export interface RelatedDoc {
  readonly id: string;
  readonly topic: number;
  readonly event: string;
  readonly features: StoryFeatures;
}

/** The documents of the corpus folder through the product path, split by topic: odd to tune, even to test. */
export function relatedHalves(dir: string): { tune: RelatedDoc[]; test: RelatedDoc[]; refused: string[] } {
  const tune: RelatedDoc[] = [];
  const test: RelatedDoc[] = [];
  const refused: string[] = [];
  for (const d of readEcbPlus(dir)) {
    const r = extractText(d.text);
    if (!r.doc) {
      refused.push(`${d.id} ${r.error}`);
      continue;
    }
    (d.topic % 2 === 1 ? tune : test).push({ id: d.id, topic: d.topic, event: d.event, features: storyFeatures(r.doc) });
  }
  return { tune, test, refused };
}

/** Document frequencies of the actor and place keys of a set of stories (what the store would count). */
export function frequenciesOf(docs: readonly RelatedDoc[]): KeyFrequencies {
  const counts = new Map<string, number>();
  for (const d of docs) for (const key of new Set([...d.features.actors.keys(), ...d.features.places.keys()])) counts.set(key, (counts.get(key) ?? 0) + 1);
  return { documents: docs.length, count: (key) => counts.get(key) ?? 0 };
}

/** One scored pair: its parts, and whether gold calls it related and whether it is in one topic. */
interface ScoredPair {
  readonly parts: RelatedParts;
  readonly gold: boolean;
  readonly sameTopic: boolean;
}

/** Every pair of the documents with the parts of its score. */
export function scorePairs(docs: readonly RelatedDoc[], options: Partial<RelatedOptions>): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i]!;
      const b = docs[j]!;
      pairs.push({ parts: relatedParts(a.features, b.features, options), gold: a.event === b.event, sameTopic: a.topic === b.topic });
    }
  }
  return pairs;
}

/** Pairwise precision and recall of the links at a threshold, and the links between two events of one topic. */
export interface LinkScores extends Prf {
  readonly sameTopicWrong: number;
}

export function scoreLinks(pairs: readonly ScoredPair[], weights: RelatedWeights, threshold: number): LinkScores {
  let correct = 0;
  let system = 0;
  let gold = 0;
  let sameTopicWrong = 0;
  for (const p of pairs) {
    const linked = weightedScore(p.parts, weights) >= threshold;
    if (p.gold) gold++;
    if (!linked) continue;
    system++;
    if (p.gold) correct++;
    else if (p.sameTopic) sameTopicWrong++;
  }
  return { ...prf(correct, system, gold), sameTopicWrong };
}

/**
 * Weight sets tried on the tuning half (actors always carry most). Dates keep a weight: ECB documents carry
 * hardly any date, so ECB+ cannot tell what dates are worth, and without them a store would relate every story
 * of one person however many years apart.
 */
const WEIGHT_GRID: readonly RelatedWeights[] = [0.4, 0.55, 0.7, 0.85, 1].flatMap((actors) =>
  [0, 0.15, 0.3].flatMap((places) => [0.15, 0.3].flatMap((dates) => [0, 0.1].map((events) => ({ actors, places, dates, events })))),
);
const THRESHOLDS = Array.from({ length: 40 }, (_, i) => 0.05 + i * 0.025);

/** A tuned setting and its scores. */
export interface TunedRelated {
  readonly weights: RelatedWeights;
  readonly threshold: number;
  readonly scores: LinkScores;
}

/** The best weights and threshold by pairwise F1 on the tuning documents, with frequencies counted on them or without. */
export function tuneRelated(docs: readonly RelatedDoc[], useFrequencies: boolean): TunedRelated {
  let best: TunedRelated | null = null;
  const pairs = scorePairs(docs, { frequencies: useFrequencies ? frequenciesOf(docs) : null });
  for (const weights of WEIGHT_GRID) {
    for (const threshold of THRESHOLDS) {
      const scores = scoreLinks(pairs, weights, threshold);
      if (!best || scores.f1 > best.scores.f1) best = { weights, threshold, scores };
    }
  }
  return best!;
}

/** Of the gold related pairs, the share that share a lookup key; and the mean candidates a key lookup gives. */
export function keyRecall(docs: readonly RelatedDoc[]): { recall: number; candidates: number } {
  const keys = docs.map((d) => new Set(relatedKeys(d.features)));
  const postings = new Map<string, number[]>();
  keys.forEach((ks, i) => ks.forEach((k) => postings.set(k, [...(postings.get(k) ?? []), i])));
  let gold = 0;
  let found = 0;
  let candidates = 0;
  docs.forEach((d, i) => {
    const near = new Set<number>();
    for (const k of keys[i]!) for (const j of postings.get(k) ?? []) if (j !== i) near.add(j);
    candidates += near.size;
    docs.forEach((e, j) => {
      if (j <= i || e.event !== d.event) return;
      gold++;
      if (near.has(j)) found++;
    });
  });
  return { recall: gold === 0 ? 1 : found / gold, candidates: candidates / Math.max(1, docs.length) };
}

/** The eval table's rows: the default options on the even topics, with and without counted frequencies. */
export function relatedRows(dir: string): Row[] {
  const { tune, test, refused } = relatedHalves(dir);
  const tuned = tuneRelated(tune, true);
  const d = DEFAULT_RELATED_OPTIONS;
  const same = tuned.threshold === d.threshold && JSON.stringify(tuned.weights) === JSON.stringify(d.weights);
  const tunedNote = `odd topics tuned: threshold ${tuned.threshold.toFixed(3)} (F1 there ${tuned.scores.f1.toFixed(3)})${same ? ', the defaults' : ', NOT the defaults'}`;
  const corpus = `ECB+ even topics (${test.length} docs), product path`;
  const rows: Row[] = [];
  for (const [how, frequencies] of [['rarity from counts', frequenciesOf(test)], ['rarity from entity types', null]] as const) {
    const s = scoreLinks(scorePairs(test, { frequencies }), d.weights, d.threshold);
    const notes = [`${s.sameTopicWrong} links to the topic's other event`, ...(frequencies ? [tunedNote] : []), ...(refused.length ? [`refused ${refused.join(', ')}`] : [])];
    rows.push({ layer: 'stories', corpus, metric: `related links (same event), pairwise, ${how}`, p: s.precision, r: s.recall, f1: s.f1, n: s.gold, note: notes.join('; ') });
  }
  const k = keyRecall(test);
  rows.push({ layer: 'stories', corpus, metric: 'related: gold pairs sharing a lookup key', accuracy: k.recall, n: rows[0]!.n, note: `${k.candidates.toFixed(1)} candidates per story` });
  return rows;
}

/**
 * Scores the learned PLOVER typer on PLV `train` by 5-fold cross-validation: each fold is typed by a model
 * trained on the other four and the written examples (weighted below PLV), never on the fold itself. Type accuracy is given the
 * gold source and target (the zero-shot NLI model's setting); the product path runs each sentence through
 * `extractSource` with the fold's typer in the event stage, and scores its events against the gold dyad.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import type { PloverEntry } from '../src/stages/events/dictionaries/plover.js';
import { mergeVerbDictionaries, type VerbDictionary } from '../src/stages/events/dictionaries/verbs.js';
import { candidateOf, readPlv, readWritten, unmark, type MarkedSentence } from '../src/stages/events/plover/examples.js';
import { labelOfType, PLOVER_TYPES, type PloverLabel } from '../src/stages/events/plover/labels.js';
import { trainCalibrated, typerExamples, type LabelledCandidate } from '../src/stages/events/plover/train.js';
import { createPloverTyper, typeCandidate, type PloverTyper } from '../src/stages/events/plover/typer.js';
import type { WordClusters } from '../src/stages/entities/ner/clusters.js';
import { stagesWithEvents } from '../src/pipeline/default.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import { extractText } from './product.js';
import type { Row } from './scores.js';
import type { TargetChooser } from '../src/stages/events/targets.js';
import { foldTargetRankers, targetInstances } from './plover-targets.js';

/** The number of cross-validation folds. */
export const FOLDS = 5;

/** The written examples shipped under data/events/plover/ (every `*.tsv` there). */
export function writtenExamples(): MarkedSentence[] {
  const dir = join(packageRoot(), 'data', 'events', 'plover');
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().flatMap((f) => readWritten(readFileSync(join(dir, f), 'utf8'), f));
}

/** The built-in verb dictionary, the POS model, the CAMEO table and the word clusters, as the event stage has them. */
export function typerInputs(): { verbs: VerbDictionary; table: Readonly<Record<string, PloverEntry>>; clusters: WordClusters; label: (m: MarkedSentence) => LabelledCandidate } {
  const r = defaultResources();
  const lexicon = r.eventLexicon();
  const verbs = r.derived('events:verbs', () => mergeVerbDictionaries([lexicon.verbs]));
  const pos = r.posTagger();
  return { verbs, table: lexicon.plover, clusters: r.wordClusters(), label: (m) => ({ id: m.id, label: m.label, candidate: candidateOf(m.marked, verbs, pos) }) };
}

/** The fold a PLV sentence is scored in: by its place in the file, which is sorted by type, so folds are stratified. */
export const foldOf = (k: number): number => k % FOLDS;

/**
 * The typers of the folds: each trained on the other folds and the written examples ({@link typerExamples}).
 * @param calibrate - false leaves the temperature at 1 (the types given the gold dyad are the same, in a third of the time)
 */
export function foldTypers(plv: readonly LabelledCandidate[], written: readonly LabelledCandidate[], calibrate = true): PloverTyper[] {
  const { table, clusters } = typerInputs();
  return Array.from({ length: FOLDS }, (_, f) => {
    const train = typerExamples(plv.filter((_, k) => foldOf(k) !== f), written, table, clusters);
    return createPloverTyper(trainCalibrated(train, calibrate ? {} : { folds: 1 }), table, clusters);
  });
}

/** Type accuracy given the gold dyad, with the confusion matrix (gold -> predicted -> count). */
export interface TypeAccuracy {
  readonly n: number;
  readonly right: number;
  /** Sentences the typer would call no event (NONE first), though the gold says one. */
  readonly none: number;
  readonly confusion: ReadonlyMap<PloverLabel, ReadonlyMap<PloverLabel, number>>;
}

/** Types every PLV sentence with its fold's typer, given the gold source and target. */
export function typeAccuracy(plv: readonly LabelledCandidate[], typers: readonly PloverTyper[]): TypeAccuracy {
  const confusion = new Map<PloverLabel, Map<PloverLabel, number>>();
  let right = 0;
  let none = 0;
  plv.forEach((x, k) => {
    const d = typeCandidate(typers[foldOf(k)]!, x.candidate);
    if (d.type === x.label) right++;
    if (d.label === 'NONE') none++;
    const row = confusion.get(x.label) ?? new Map<PloverLabel, number>();
    row.set(d.type, (row.get(d.type) ?? 0) + 1);
    confusion.set(x.label, row);
  });
  return { n: plv.length, right, none, confusion };
}

/** The confusion matrix as lines: one per gold type, its predicted types by count. */
export function confusionLines(confusion: TypeAccuracy['confusion']): string[] {
  return PLOVER_TYPES.filter((t) => confusion.has(t)).map((gold) => {
    const row = confusion.get(gold)!;
    const n = [...row.values()].reduce((a, b) => a + b, 0);
    const cells = [...row].sort((a, b) => b[1] - a[1]).map(([p, c]) => `${p} ${c}`);
    return `${gold.padEnd(10)} n=${String(n).padStart(3)}  ${cells.join(', ')}`;
  });
}

/** PLV `train` read and made into candidates, or null when ../shared does not hold it. */
export function plvCandidates(path: string): { sentences: MarkedSentence[]; candidates: LabelledCandidate[] } {
  const sentences = readPlv(readFileSync(path, 'utf8'));
  const { label } = typerInputs();
  return { sentences, candidates: sentences.map(label) };
}


/** The product path's events on PLV sentences, against each sentence's one gold event. */
export interface ProductEvents {
  readonly sentences: number;
  /** Sentences with an event of the gold type whose source and target overlap the gold spans. */
  readonly fullyRight: number;
  /** Sentences with an event of the gold type. */
  readonly typeFound: number;
  /** Sentences with an event whose source and target overlap the gold spans, whatever its type. */
  readonly dyadFound: number;
  readonly events: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number } | null): boolean => b !== null && a.start < b.end && b.start < a.end;

/**
 * Runs each PLV sentence through the product path (`extractSource`, as `wiregraph extract` does) with its
 * fold's typer in the event stage (or, with `typers` null, the CAMEO table's types) and its target ranker (or, with
 * `rankers` null, the fixed order of preference) and scores the events.
 */
export function productEvents(sentences: readonly MarkedSentence[], typers: readonly PloverTyper[] | null, rankers: readonly TargetChooser[] | null = null): ProductEvents {
  const pipelines = Array.from({ length: FOLDS }, (_, f) => createPipeline(stagesWithEvents({ ploverTyper: typers ? typers[f]! : null, targetRanker: rankers ? rankers[f]! : null })));
  let fullyRight = 0;
  let typeFound = 0;
  let dyadFound = 0;
  let events = 0;
  sentences.forEach((m, k) => {
    const gold = unmark(m.marked);
    const { doc, toInput } = extractText(gold.text, { pipeline: pipelines[foldOf(k)]! });
    const found = doc?.events ?? [];
    events += found.length;
    const at = (a: { start: number; end: number }): { start: number; end: number } => ({ start: toInput(a.start), end: toInput(a.end) });
    const dyad = (e: (typeof found)[number]): boolean => e.source.some((a) => overlaps(at(a), gold.source)) && e.target.some((a) => overlaps(at(a), gold.target));
    const typed = (e: (typeof found)[number]): boolean => e.plover !== null && labelOfType(e.plover) === m.label;
    if (found.some(typed)) typeFound++;
    if (found.some(dyad)) dyadFound++;
    if (found.some((e) => typed(e) && dyad(e))) fullyRight++;
  });
  return { sentences: sentences.length, fullyRight, typeFound, dyadFound, events };
}

/**
 * The typer's rows for `npm run eval`, cross-validated on PLV `train`, and the confusion matrix as lines; the
 * product path's rows with the CAMEO table's types (the coder before the typer) beside them.
 */
export function ploverRows(path: string): { rows: Row[]; confusion: string[] } {
  const { sentences, candidates } = plvCandidates(path);
  const { label } = typerInputs();
  const written = writtenExamples().map(label);
  const typers = foldTypers(candidates, written);
  const a = typeAccuracy(candidates, typers);
  const corpus = `PLV train, ${FOLDS}-fold CV`;
  const rows: Row[] = [{ layer: 'events', corpus, metric: 'PLOVER type given the gold dyad, learned typer', accuracy: a.right / a.n, n: a.n, note: `goal 0.85; zero-shot NLI 0.835; NONE first for ${a.none}; trained on 4 folds + ${written.length} written, weighted below PLV` }];
  // Note: the target ranker of each fold is trained on the other folds' predicates, as the typer is.
  const rankers = foldTargetRankers(targetInstances(sentences, typers));
  const systems = [['CAMEO table', productEvents(sentences, null)], ['learned typer, fixed target order', productEvents(sentences, typers)], ['learned typer and target ranker (the product)', productEvents(sentences, typers, rankers)]] as const;
  for (const [system, product] of systems) {
    const n = product.sentences;
    rows.push({ layer: 'events', corpus, metric: `product path, ${system}: fully right (type, source, target)`, accuracy: product.fullyRight / n, n, note: `goal 0.60; gold type among events ${(product.typeFound / n).toFixed(3)}, gold dyad on one event ${(product.dyadFound / n).toFixed(3)}` });
    rows.push({ layer: 'events', corpus, metric: `product path, ${system}: events per sentence`, accuracy: product.events / n, n, note: 'goal <= 1.5' });
  }
  return { rows, confusion: confusionLines(a.confusion) };
}

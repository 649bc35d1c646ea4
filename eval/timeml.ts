import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { timeStage } from '../src/stages/time/stage.js';
import { prf, type Prf } from './scores.js';

/** A TimeML document: its text (tags removed), creation date, and gold TIMEX3s with offsets into the text. */
export interface TimemlDoc {
  readonly name: string;
  readonly text: string;
  readonly dct: string;
  readonly timexes: readonly ScoredTimex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads a TimeML file: the `<TEXT>` content without tags, entities decoded, and its TIMEX3 spans. */
export function readTimeml(path: string): TimemlDoc {
  const xml = readFileSync(path, 'utf8');
  const dct = /<DCT>[^<]*<TIMEX3[^>]*value="([^"]+)"/u.exec(xml)?.[1] ?? '';
  const body = /<TEXT>([\s\S]*)<\/TEXT>/u.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: Array<{ start: number; end: number; type: string; value: string }> = [];
  let open: { start: number; type: string; value: string } | null = null;
  for (const m of body.matchAll(/<(\/?)([A-Z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/gu)) {
    if (m[2] === 'TIMEX3' && !m[1]) open = { start: text.length, type: /type="([^"]+)"/u.exec(m[3]!)?.[1] ?? '', value: /value="([^"]+)"/u.exec(m[3]!)?.[1] ?? '' };
    else if (m[2] === 'TIMEX3' && m[1] && open) {
      timexes.push({ ...open, end: text.length });
      open = null;
    } else if (m[2]) continue;
    else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  return { name: path.split('/').pop()!, text, dct: dct.slice(0, 10), timexes };
}

/** TempEval-3 figures: strict and relaxed span P/R/F1, type accuracy and value F1 (over relaxed matches). */
export interface TempEvalResult {
  readonly strict: Prf;
  readonly relaxed: Prf;
  readonly typeAccuracy: number;
  readonly value: Prf;
}

const pipeline = createPipeline([segmentStage, timeStage]);

/** The time stage's timexes for a TimeML document, anchored on its creation time. */
export function systemTimexes(doc: TimemlDoc): ReadonlyArray<{ start: number; end: number; type: string; value: string; text: string }> {
  const article = createArticle(doc.text, { ...EMPTY_META, published: doc.dct, language: 'en' });
  return pipeline.run(article).layers.timexes ?? [];
}

/** A timex span with its TIMEX3 type and value, in the document's own offsets. */
export interface ScoredTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** One document's gold timexes and the ones a system found, in the same offsets. */
export interface TimexPair {
  readonly gold: readonly ScoredTimex[];
  readonly found: readonly ScoredTimex[];
}

/** Scores the time stage on TimeML documents as TempEval-3 does. */
export function evaluateTimeml(docs: readonly TimemlDoc[]): TempEvalResult {
  return scoreTimexes(docs.map((doc) => ({ gold: doc.timexes, found: systemTimexes(doc) })));
}

/**
 * TempEval-3 scoring: each found timex takes the first unused gold timex with its exact span, else the first
 * it overlaps; strict counts exact spans, relaxed any match, and type and value are judged over relaxed matches.
 */
export function scoreTimexes(pairs: readonly TimexPair[]): TempEvalResult {
  let strict = 0;
  let relaxed = 0;
  let typeRight = 0;
  let valueRight = 0;
  let system = 0;
  let gold = 0;
  for (const { gold: golds, found } of pairs) {
    system += found.length;
    gold += golds.length;
    const used = new Set<number>();
    for (const s of found) {
      const exact = golds.findIndex((g, i) => !used.has(i) && g.start === s.start && g.end === s.end);
      const i = exact >= 0 ? exact : golds.findIndex((g, k) => !used.has(k) && g.start < s.end && s.start < g.end);
      if (i < 0) continue;
      used.add(i);
      relaxed++;
      if (exact >= 0) strict++;
      if (golds[i]!.type === s.type) typeRight++;
      if (golds[i]!.value === s.value) valueRight++;
    }
  }
  return { strict: prf(strict, system, gold), relaxed: prf(relaxed, system, gold), typeAccuracy: relaxed ? typeRight / relaxed : 0, value: prf(valueRight, system, gold) };
}

/** Reads every `.tml` file under a folder's sub-folders. */
export function readTimemlFolder(folder: string): TimemlDoc[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(folder, d.name)).filter((f) => f.endsWith('.tml')).sort().map((f) => readTimeml(join(folder, d.name, f))));
}

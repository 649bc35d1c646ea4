import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArticle } from '../src/article/article.js';
import type { Quote } from '../src/article/layers.js';
import { EMPTY_META } from '../src/article/meta.js';
import type { Span } from '../src/article/span.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { prf, type Prf } from './scores.js';

/** A gold attribution: its content, cue and source, each a list of (possibly discontinuous) spans. */
export interface GoldAttribution {
  readonly content: readonly Span[];
  readonly cue: readonly Span[];
  readonly source: readonly Span[];
}

/** Reads a brat stand-off file of PolNeAR: text-bound spans, tied into attributions by the event lines. */
export function readBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const out: GoldAttribution[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t\S+ ([\d ;]+)\t/u.exec(line);
    if (t) spans.set(t[1]!, t[2]!.split(';').map((p) => p.trim().split(' ').map(Number)).map(([start, end]) => ({ start: start!, end: end! })));
  }
  for (const line of ann.split('\n')) {
    if (!line.startsWith('E')) continue;
    const roles = new Map([...line.matchAll(/(Content|Cue|Source):(T\d+)/gu)].map((m) => [m[1]!, spans.get(m[2]!) ?? []]));
    if (roles.has('Content')) out.push({ content: roles.get('Content')!, cue: roles.get('Cue') ?? [], source: roles.get('Source') ?? [] });
  }
  return out;
}

const overlaps = (a: readonly Span[], b: readonly Span[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
const same = (text: string, a: readonly Span[], b: readonly Span[]): boolean => {
  const flat = (s: readonly Span[]): string => s.map((x) => text.slice(x.start, x.end)).join(' ').replace(/^[\s"“”,.]+|[\s"“”,.]+$/gu, '');
  return flat(a) === flat(b);
};

/**
 * The kind PolNeAR's own text gives an attribution, as it labels none: `direct` when its content is one
 * quotation (opening and closing marks, trailing punctuation aside, and no mark between), `mixed` when it
 * holds a quotation mark elsewhere, else `indirect`.
 */
export function markedKind(text: string, content: readonly Span[]): Quote['kind'] {
  const flat = content.map((x) => text.slice(x.start, x.end)).join(' ').trim().replace(/[\s.,;:!?]+$/u, '');
  const marks = flat.match(/["“”]|''|``/gu) ?? [];
  if (marks.length === 2 && /^(?:["“”]|''|``)/u.test(flat) && /(?:["“”]|'')[.,!?]?$/u.test(flat)) return 'direct';
  return marks.length > 0 ? 'mixed' : 'indirect';
}

/** PolNeAR figures: content P/R/F1 (overlap and exact) and, of the found ones, source and cue right and kind agreeing with {@link markedKind}. */
export interface PolnearResult {
  readonly content: Prf;
  readonly contentExact: Prf;
  readonly sourceRight: number;
  readonly sourceExact: number;
  readonly cueRight: number;
  readonly cueExact: number;
  readonly withSource: number;
  readonly found: number;
  /** Of the found, the share whose kind is the one {@link markedKind} reads from the gold content. */
  readonly kindRight: number;
}

/** A PolNeAR document: its text and its gold attributions, in the text's offsets. */
export interface PolnearDoc {
  readonly name: string;
  readonly text: string;
  readonly attributions: readonly GoldAttribution[];
}

/** The spans of a found quote that PolNeAR scoring looks at, in the document's own offsets. */
export type ScoredQuote = Pick<Quote, 'content' | 'cue' | 'speakerSpan' | 'kind'>;

/** One document with the quotes a system found in it. */
export interface PolnearPair {
  readonly doc: PolnearDoc;
  readonly quotes: readonly ScoredQuote[];
}

/** Reads a PolNeAR split: each attribution file with the text it annotates (files without a text are left out). */
export function readPolnearFolder(folder: string): PolnearDoc[] {
  return readdirSync(join(folder, 'attributions')).filter((f) => f.endsWith('.ann')).sort().flatMap((file) => {
    const textPath = join(folder, 'text', file.replace(/(?:_[0-9a-f]{4})?\.ann$/u, '.txt'));
    if (!existsSync(textPath)) return [];
    return [{ name: file, text: readFileSync(textPath, 'utf8'), attributions: readBrat(readFileSync(join(folder, 'attributions', file), 'utf8')) }];
  });
}

/** Runs the default pipeline over a PolNeAR split and scores its quotes. */
export function evaluatePolnear(folder: string): PolnearResult {
  const pipeline = defaultPipeline();
  return scorePolnear(readPolnearFolder(folder).map((doc) => ({ doc, quotes: pipeline.run(createArticle(doc.text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [] })));
}

/**
 * Scores found quotes against PolNeAR: each quote takes the first unused attribution whose content it
 * overlaps; of those matched, the cue and (where the gold has one) the source are judged by overlap and exactly.
 */
export function scorePolnear(pairs: readonly PolnearPair[]): PolnearResult {
  let matched = 0;
  let exact = 0;
  let system = 0;
  let gold = 0;
  let sourceRight = 0;
  let sourceExact = 0;
  let withSource = 0;
  let cueRight = 0;
  let cueExact = 0;
  let kindRight = 0;
  for (const { doc: { text, attributions }, quotes } of pairs) {
    system += quotes.length;
    gold += attributions.length;
    const used = new Set<number>();
    for (const q of quotes) {
      const i = attributions.findIndex((g, k) => !used.has(k) && overlaps([q.content], g.content));
      if (i < 0) continue;
      used.add(i);
      matched++;
      const g = attributions[i]!;
      if (same(text, [q.content], g.content)) exact++;
      if (overlaps([q.cue], g.cue)) cueRight++;
      if (same(text, [q.cue], g.cue)) cueExact++;
      if (q.kind === markedKind(text, g.content)) kindRight++;
      if (g.source.length > 0) {
        withSource++;
        if (q.speakerSpan && overlaps([q.speakerSpan], g.source)) sourceRight++;
        if (q.speakerSpan && same(text, [q.speakerSpan], g.source)) sourceExact++;
      }
    }
  }
  return {
    content: prf(matched, system, gold),
    contentExact: prf(exact, system, gold),
    sourceRight: withSource ? sourceRight / withSource : 0,
    sourceExact: withSource ? sourceExact / withSource : 0,
    cueRight: matched ? cueRight / matched : 0,
    cueExact: matched ? cueExact / matched : 0,
    withSource,
    found: matched,
    kindRight: matched ? kindRight / matched : 0,
  };
}

/**
 * Only the quote rows: PolNeAR dev through the component (segment, entities, time, quotes on the raw text) and
 * through the product's path, and the seed's quotes; then the gold attributions the component missed, counted
 * by the kind of cue (its lemma, nominal or verbal, with or without quotation marks in the content, content over
 * several sentences). `MISSES=50` prints that many misses in full. Run: `node dist/eval/quote-misses.js`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import type { Span } from '../src/article/span.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { readPolnearFolder, scorePolnear, type GoldAttribution, type PolnearDoc, type PolnearPair, type PolnearResult } from './polnear.js';
import { evaluateProductPolnear } from './product-quotes.js';
import { evaluateSeedQuotes } from './seed-quotes.js';
import { sharedPath } from './shared.js';

const flat = (text: string, spans: readonly Span[]): string => spans.map((s) => text.slice(s.start, s.end)).join(' … ').replace(/\s+/gu, ' ');
const overlaps = (a: readonly Span[], b: readonly Span[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

/** Words that head nominal cues (`the claim that`, `allegations of`), besides those ending in -ion, -ment, -ence. */
const NOUN_CUES = /^(?:claims?|reports?|allegations?|warnings?|statements?|remarks?|comments?|views?|beliefs?|promises?|pledges?|charges?|accusations?|assertions?|denials?|calls?|threats?|criticism|testimony|argument|survey|poll|study|findings?|analysis|view|idea|fears?|hopes?|concerns?|sense|message|words?|letter|memo|tweet|speech|interview|account|story|suggestions?|proposals?|plans?|estimates?|data|records?|documents?|emails?)$/u;

/** The crude lemma of a cue word: lower case, a regular verb or plural ending stripped. */
function lemma(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:said|says)$/u.test(w)) return 'say';
  if (/^(?:told|tells)$/u.test(w)) return 'tell';
  if (/^(?:thought|thinks)$/u.test(w)) return 'think';
  if (/^(?:according)$/u.test(w)) return 'according to';
  return w.replace(/(?:ies)$/u, 'y').replace(/(?:ed|es|s|ing)$/u, '');
}

/** A missed attribution's kind, as the counts group them. */
interface MissKind {
  readonly lemma: string;
  readonly nominal: boolean;
  readonly quoted: boolean;
  readonly spanning: boolean;
  readonly noCue: boolean;
}

function kindOf(text: string, g: GoldAttribution): MissKind {
  const cue = flat(text, g.cue).trim();
  const words = cue.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const head = words.find((w) => !/^(?:the|a|an|his|her|their|its|has|have|had|was|were|is|are|be|been|not|also|would|will|could|did|do|does|to)$/iu.test(w)) ?? words[0] ?? '';
  const content = flat(text, g.content);
  const before = g.cue[0] ? text.slice(Math.max(0, g.cue[0].start - 12), g.cue[0].start).toLowerCase() : '';
  const nominal = NOUN_CUES.test(head.toLowerCase()) || /(?:ion|ment|ence|ance)s?$/iu.test(head) || /\b(?:the|a|an|his|her|their|its)\s*$/u.test(before);
  return { lemma: lemma(head), nominal, quoted: /["“”]|''|``/u.test(content), spanning: /[.!?]["”]?\s+["“]?\p{Lu}/u.test(content.trim().slice(0, -2)), noCue: g.cue.length === 0 };
}

/** The component row: each document through the default pipeline, raw text, no date. */
function componentPairs(docs: readonly PolnearDoc[]): PolnearPair[] {
  const pipeline = defaultPipeline();
  return docs.map((doc) => ({ doc, quotes: pipeline.run(createArticle(doc.text, { ...EMPTY_META, language: 'en' })).layers.quotes ?? [] }));
}

const line = (name: string, r: PolnearResult): string =>
  `${name}: P ${r.content.precision.toFixed(3)} R ${r.content.recall.toFixed(3)} F1 ${r.content.f1.toFixed(3)} (exact F1 ${r.contentExact.f1.toFixed(3)}); source right ${r.sourceRight.toFixed(3)} of ${r.withSource}; cue right ${r.cueRight.toFixed(3)}; kind ${r.kindRight.toFixed(3)}; found ${r.found} of ${r.content.gold}, system ${r.content.system}`;

/** Counts of the misses by one key, most first. */
function tally(keys: readonly string[], top: number): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, n]) => `${k} ${n}`).join(', ');
}

function report(pairs: readonly PolnearPair[], show: number): void {
  const wrongSources: string[] = [];
  const misses: Array<{ doc: PolnearDoc; g: GoldAttribution; kind: MissKind }> = [];
  for (const { doc, quotes } of pairs) {
    const used = new Set<number>();
    for (const q of quotes) {
      const i = doc.attributions.findIndex((g, k) => !used.has(k) && overlaps([q.content], g.content));
      if (i < 0) continue;
      used.add(i);
      const g = doc.attributions[i]!;
      if (g.source.length > 0 && !(q.speakerSpan && overlaps([q.speakerSpan], g.source))) wrongSources.push(`[${doc.name.slice(0, 40)}] ${'rule' in q ? String(q.rule) : ''} cue=«${flat(doc.text, [q.cue])}» ours=«${q.speakerSpan ? flat(doc.text, [q.speakerSpan]) : '-'}» gold=«${flat(doc.text, g.source)}» gold cue=«${flat(doc.text, g.cue)}»`);
    }
    doc.attributions.forEach((g, i) => {
      if (!used.has(i)) misses.push({ doc, g, kind: kindOf(doc.text, g) });
    });
  }
  const k = misses.map((m) => m.kind);
  process.stdout.write(`\n${misses.length} missed gold attributions\n`);
  process.stdout.write(`by cue lemma: ${tally(k.map((x) => (x.noCue ? '(no cue)' : x.lemma)), 40)}\n`);
  process.stdout.write(`nominal/verbal: ${tally(k.map((x) => (x.noCue ? 'no cue' : x.nominal ? 'nominal' : 'verbal')), 3)}\n`);
  process.stdout.write(`quotation marks in content: ${tally(k.map((x) => (x.quoted ? 'with' : 'without')), 2)}\n`);
  process.stdout.write(`content over several sentences: ${tally(k.map((x) => (x.spanning ? 'several' : 'one')), 2)}\n`);
  process.stdout.write(`\n${wrongSources.length} found with the wrong source\n${wrongSources.slice(0, Number(process.env['SOURCES'] ?? 0)).join('\n')}\n`);
  for (const m of misses.slice(0, show)) {
    const t = m.doc.text;
    process.stdout.write(`\n[${m.doc.name}] ${m.kind.nominal ? 'N' : 'V'}${m.kind.quoted ? 'Q' : ''}${m.kind.spanning ? 'S' : ''} cue=«${flat(t, m.g.cue)}» src=«${flat(t, m.g.source)}»\n  content=«${flat(t, m.g.content).slice(0, 240)}»\n`);
  }
}

const folder = sharedPath('data', 'polnear', 'data', process.env['SPLIT'] ?? 'dev');
if (!folder) {
  process.stdout.write('../shared/data/polnear is absent: nothing to score\n');
} else {
  const docs = readPolnearFolder(folder);
  const started = Date.now();
  const pairs = componentPairs(docs);
  process.stdout.write(`${line('component', scorePolnear(pairs))} (${Date.now() - started} ms)\n`);
  if (process.env['PRODUCT'] !== '0') process.stdout.write(`${line('product', evaluateProductPolnear(docs))}\n`);
  const gold = sharedPath('gold');
  for (const file of gold ? readdirSync(gold).filter((f) => f.endsWith('.gold.json')) : []) {
    const goldPath = join(gold!, file);
    const document = sharedPath((JSON.parse(readFileSync(goldPath, 'utf8')) as { document: string }).document);
    if (!document) continue;
    const seed = evaluateSeedQuotes(goldPath, document);
    process.stdout.write(`seed ${file}: ${seed.allRight}/${seed.total} all right, ${seed.found} found; ${seed.wrong.join('; ')}\n`);
  }
  report(pairs, Number(process.env['MISSES'] ?? 0));
}

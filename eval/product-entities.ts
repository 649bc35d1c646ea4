/**
 * Entities through the product on CoNLL-2003: each document's raw text through `extractText` (the very
 * function `wiregraph extract` runs), its name mentions mapped back to the raw text and onto the gold tokens,
 * scored with conlleval. The gap to the recogniser's own row (on gold tokens and gold sentences) is what
 * reading, layout and segmentation lose.
 *
 * Run alone: `npx tsc -p tsconfig.json && node dist/eval/product-entities.js [eng.testa] [--errors N]`.
 */
import { fileURLToPath } from 'node:url';
import type { Span } from '../src/article/span.js';
import { readConll, type ConllSentence } from '../src/stages/entities/ner/conll.js';
import { iob1ToBilou } from '../src/stages/entities/ner/labels.js';
import { conllEval, type ConllEvalResult } from './conlleval.js';
import { TO_CONLL } from './entities.js';
import { extractText } from './product.js';
import { sharedPath } from './shared.js';
import { labelRange } from './token-article.js';

/** A CoNLL document as its raw text, with each gold token's span in that text. */
export interface RawConllDoc {
  readonly text: string;
  /** Per sentence, per token: its span in `text`. */
  readonly spans: ReadonlyArray<readonly Span[]>;
}

/**
 * The raw text of one CoNLL document. Note: this is what a user holding the CoNLL file's text would give
 * `wiregraph extract`: the tokens joined by spaces, one sentence per line (the file's own line breaks),
 * nothing added: no blank lines, no header, no date, so that headlines and datelines are found or missed
 * by the readers' own layout rules.
 */
export function rawConllDoc(doc: readonly ConllSentence[]): RawConllDoc {
  let text = '';
  const spans = doc.map((sentence, s) => {
    if (s > 0) text += '\n';
    return sentence.words.map((w, i) => {
      if (i > 0) text += ' ';
      const span = { start: text.length, end: text.length + w.length };
      text += w;
      return span;
    });
  });
  return { text: `${text}\n`, spans };
}

/** A name mention in raw-text offsets, with its CoNLL type. */
interface RawName extends Span {
  readonly type: string;
}

/** The product's name mentions of one raw document, in raw-text offsets, with CoNLL types. */
export function productNames(raw: string): RawName[] {
  const result = extractText(raw, { kind: 'auto' });
  if (!result.doc) return [];
  return result.doc.entities.flatMap((e) =>
    e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: result.toInput(m.start), end: result.toInput(m.end), type: TO_CONLL[e.type] ?? 'MISC' })),
  );
}

/**
 * BILOU labels over one sentence's gold tokens for the names inside it. Note: a name is laid over every
 * token it overlaps, so that a name cut inside a token (a tokenisation the gold does not share) counts as a
 * wrong span instead of vanishing; a name over a sentence end is cut at the end (a segmentation loss counts).
 */
export function labelsOver(spans: readonly Span[], names: readonly RawName[]): string[] {
  const labels = spans.map(() => 'O');
  for (const n of names) {
    const first = spans.findIndex((s) => s.end > n.start);
    let last = -1;
    for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.start < n.end) { last = i; break; }
    labelRange(labels, first, last, n.type);
  }
  return labels;
}

/** One sentence where the product's labels differ from gold, for error reading. */
export interface ProductMiss {
  readonly words: readonly string[];
  readonly gold: readonly string[];
  readonly product: readonly string[];
}

/** conlleval figures of the entities that `wiregraph extract` finds in each CoNLL document's raw text. */
export function evaluateProductConll(path: string): { result: ConllEvalResult; misses: ProductMiss[] } {
  const gold: string[][] = [];
  const product: string[][] = [];
  const misses: ProductMiss[] = [];
  for (const doc of readConll(path)) {
    const raw = rawConllDoc(doc);
    const names = productNames(raw.text);
    doc.forEach((sentence, s) => {
      const spans = raw.spans[s]!;
      const inside = names.filter((n) => n.end > spans[0]!.start && n.start < spans.at(-1)!.end);
      const g = iob1ToBilou(sentence.tags);
      const p = labelsOver(spans, inside);
      gold.push(g);
      product.push(p);
      if (g.some((l, i) => l !== p[i])) misses.push({ words: sentence.words, gold: g, product: p });
    });
  }
  return { result: conllEval(gold, product), misses };
}

function printMiss(m: ProductMiss): string {
  const show = (labels: readonly string[]): string => m.words.map((w, i) => (labels[i] === 'O' ? w : `${w}/${labels[i]}`)).join(' ');
  return `gold:    ${show(m.gold)}\nproduct: ${show(m.product)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const errors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
  const path = args.find((a, i) => !a.startsWith('--') && i !== errorsAt + 1) ?? sharedPath('data', 'conll2003', 'eng.testa');
  if (!path) {
    process.stdout.write('skipped  ../shared/data/conll2003/eng.testa is absent\n');
  } else {
    const { result, misses } = evaluateProductConll(path);
    const f = (x: number): string => x.toFixed(3);
    process.stdout.write(`through the product: P ${f(result.overall.precision)} R ${f(result.overall.recall)} F1 ${f(result.overall.f1)} (n ${result.overall.gold})\n`);
    for (const [type, t] of result.byType) process.stdout.write(`  ${type}: P ${f(t.precision)} R ${f(t.recall)} F1 ${f(t.f1)} (n ${t.gold})\n`);
    for (const m of misses.slice(0, errors)) process.stdout.write(printMiss(m));
  }
}

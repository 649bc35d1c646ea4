/**
 * The product's own path for evaluation: a corpus document's raw text through the very function that
 * `wiregraph extract` runs (`extractSource`), with the output's offsets mapped back to the raw text, so that
 * a layer can be scored against gold spans of the input. The gap between this row and the component's row
 * (the stage on gold tokens) is what reading, layout and segmentation lose.
 */
import { extractSource } from '../src/api/extract.js';
import type { WiregraphDoc } from '../src/output/wiregraph1.js';
import type { Pipeline } from '../src/pipeline/pipeline.js';
import type { InputKind } from '../src/read/types.js';
import { DEFAULT_MAX_BYTES } from '../src/read/source.js';

/** One document through the product, or the error code that stopped it. */
export interface ProductResult {
  readonly doc: WiregraphDoc | null;
  readonly error: string | null;
  /** Maps an offset in `doc.text` to the offset of the same character in the input (end offsets too). */
  readonly toInput: (offset: number) => number;
}

/**
 * Runs `text` through `extractSource`, as `wiregraph extract FILE` would with `--input kind` and `--date date`.
 * @param text - the raw text as a user would give it
 * @param options - the reader and the anchor date (`YYYY-MM-DD`), if the corpus gives one; a pipeline other than the default (a cross-validation fold's event stage, say)
 */
export function extractText(text: string, options: { kind?: InputKind; date?: string | null; name?: string; pipeline?: Pipeline } = {}): ProductResult {
  const source = { name: options.name ?? 'input.txt', bytes: Buffer.from(text, 'utf8'), contentType: null, url: null };
  const [result] = extractSource(source, { kind: options.kind ?? 'auto', date: options.date ?? null, maxBytes: DEFAULT_MAX_BYTES, ...(options.pipeline ? { pipeline: options.pipeline } : {}) });
  if (!result || !result.ok) return { doc: null, error: result && !result.ok ? result.error.code : 'none', toInput: (o) => o };
  return { doc: result.doc, error: null, toInput: alignOffsets(result.doc.text, text) };
}

/**
 * Aligns an output text with the input it was read from, where the reader only removed characters (header
 * lines, trailing space, control characters) or changed line ends: each output character is matched to the
 * next equal input character, skipping what the reader removed.
 * @returns a function from output offsets (0..output.length) to input offsets
 */
export function alignOffsets(output: string, input: string): (offset: number) => number {
  const map = new Int32Array(output.length + 1);
  let j = firstMatch(output, input);
  for (let i = 0; i < output.length; i++) {
    const c = output[i]!;
    let k = j;
    while (k < input.length && input[k] !== c && !(isSpace(c) && isSpace(input[k]!))) k++;
    // Note: a character the reader made (a changed line end, a replacement character) maps where the input stood.
    if (k >= input.length) k = j;
    map[i] = k;
    j = Math.min(k + 1, input.length);
  }
  map[output.length] = output.length === 0 ? j : map[output.length - 1]! + 1;
  return (offset) => map[Math.max(0, Math.min(offset, output.length))]!;
}

/** Where the output starts in the input: the first place its opening 40 characters stand, else 0. */
function firstMatch(output: string, input: string): number {
  const at = input.indexOf(output.slice(0, 40));
  return at >= 0 ? at : 0;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00A0';
}

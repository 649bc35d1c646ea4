/**
 * The fuzzer's cases: fast-check arbitraries that mutate real inputs (truncation, deletion, duplication,
 * hostile characters inside names and quotes, invalid UTF-8, UTF-16 with a BOM, deep markup, very long lines)
 * and make wholly random ones (random bytes).
 */
import fc from 'fast-check';
import type { InputKind } from '../../read/types.js';
import type { Seed, SeedKind } from './seeds.js';

/** What one case is run against: a reader (through `readSource`), detection (`auto`), or the whole pipeline. */
export type Target = 'text' | 'html' | 'feed' | 'jsonl' | 'auto' | 'pipeline';

/** The targets in the order the fuzzer runs them. */
export const TARGETS: readonly Target[] = ['text', 'html', 'feed', 'jsonl', 'auto', 'pipeline'];

/** One generated input. */
export interface FuzzCase {
  readonly target: Target;
  /** The seed and mutations, for the failure report. */
  readonly label: string;
  readonly kind: InputKind;
  readonly bytes: Uint8Array;
}

// Note: the characters readers and stages have tripped on: bidi marks, combining marks, emoji sequences, lone surrogates, controls, markup and JSON escapes.
const NASTY = [
  '\u200F', '\u200E', '\u202E', '\u202B', '\u2066', '\u2069', '\u061C', '\u0301', '\u0300\u0301\u0302\u0303', '\u0308', '👩‍👩‍👧', '🇺🇦', '👍🏽', '\u200D', '\u200B',
  '\uFEFF', '\u0000', '\u0007', '\u001B[2J', '\u001B]0;x\u0007', '\r', '\r\n', '\u2028', '\u2029', '\u00A0', '\u3000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFFFD',
  '"', '“', '”', '«', '»', "'", '’', '<', '>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', ']]>', '<![CDATA[', '<!--', '-->', '</p>', '<p>', '<br>', '<script>', '</div>',
  '\t', ' \n\n ', '\n', 'Kim Jong Un', 'Mr. ', 'said', ' said on Monday.', '"We will act," he said.', ' told reporters', 'according to KCNA', '{', '}', '\\', '\\u0000', '\\ud800',
  'ﷺ', 'عبد الله', 'שָׁלוֹם', 'Ζεύς', 'Владимир Путин', '习近平', 'e\u0301', 'Ｆｕｌｌ', '𝐁𝐨𝐥𝐝',
];

const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** A mutation of a text, by fractions of its length so that it fits any seed. */
type TextOp =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly what: string; readonly near: 'anywhere' | 'name' | 'quote' }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number };

// Note: without noBias fast-check draws small numbers far more often, which put most mutations at the very start.
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1e6);
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fraction }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fraction, what: nasty, near: fc.constantFrom('anywhere' as const, 'name' as const, 'name' as const, 'quote' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }) },
);

const NAME = /\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*/gu;
const QUOTE = /["“”«»]/gu;

/** Where an insertion goes: anywhere, inside or after a capitalised name, or beside a quotation mark. */
function insertionPoint(text: string, at: number, near: 'anywhere' | 'name' | 'quote'): number {
  if (near !== 'anywhere') {
    const marks = [...text.slice(0, 200_000).matchAll(near === 'name' ? NAME : QUOTE)];
    const mark = marks[Math.floor(at * marks.length)];
    if (mark) return mark.index + Math.floor(((at * 7919) % 1) * (mark[0].length + 1));
  }
  return Math.floor(at * text.length);
}

function applyOp(text: string, op: TextOp): string {
  const at = Math.floor(op.at * text.length);
  switch (op.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert': {
      const point = insertionPoint(text, op.at, op.near);
      return text.slice(0, point) + op.what + text.slice(point);
    }
    case 'delete':
      return text.slice(0, at) + text.slice(at + op.length);
    case 'duplicate':
      return text.slice(0, at + op.length) + text.slice(at, at + op.length) + text.slice(at + op.length);
  }
}

/** How a mutated text becomes bytes. */
type Encoding = 'utf8' | 'utf16le-bom' | 'utf16be-bom' | 'latin1' | 'invalid-utf8';

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('utf8' as const) },
  { weight: 1, arbitrary: fc.constantFrom('utf16le-bom' as const, 'utf16be-bom' as const, 'latin1' as const) },
  { weight: 2, arbitrary: fc.constant('invalid-utf8' as const) },
);

const INVALID_UTF8 = [[0xc3], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80, 0x80], [0xfe, 0xff]];

function encode(text: string, how: Encoding, at: number): Uint8Array {
  switch (how) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'invalid-utf8': {
      const bytes = Buffer.from(text, 'utf8');
      const point = Math.floor(at * bytes.length);
      const bad = Buffer.from(INVALID_UTF8[Math.floor(at * 1e6) % INVALID_UTF8.length]!);
      return Buffer.concat([bytes.subarray(0, point), bad, bytes.subarray(point)]);
    }
  }
}

/** A mutated seed as text: the ops applied in order, with a label naming them. */
function mutatedText(seeds: readonly Seed[], maxOps: number): fc.Arbitrary<{ text: string; label: string }> {
  return fc.record({ seed: fc.constantFrom(...seeds), ops: fc.array(textOp, { minLength: 1, maxLength: maxOps }) }).map(({ seed, ops }) => ({
    text: ops.reduce(applyOp, seed.text),
    label: `${seed.name} ${ops.map((o) => (o.op === 'insert' ? `insert(${JSON.stringify(o.what)} near ${o.near} @${o.at.toFixed(4)})` : `${o.op}@${o.at.toFixed(4)}`)).join(' ')}`,
  }));
}

/** Options for the cases. */
export interface CaseOptions {
  /** Whether to make the costly cases too: markup 100,000 deep, 10 MB single lines (the CLI run, rarely). */
  readonly big: boolean;
}

const wrap = (kind: SeedKind, text: string, depth: number): string => (kind === 'html' ? `<html><body>${'<div>'.repeat(depth)}${text}${'</div>'.repeat(depth)}</body></html>` : text);

/** The arbitrary of one target's cases. */
export function casesFor(target: Target, seeds: readonly Seed[], options: CaseOptions): fc.Arbitrary<FuzzCase> {
  const ofKind = (kind: SeedKind): Seed[] => {
    const found = seeds.filter((s) => s.kind === kind);
    if (found.length === 0) throw new Error(`The fuzzer has no ${kind} seed.`);
    return found;
  };
  const toCase = (kind: InputKind, seedKind: SeedKind) => ({ text, label }: { text: string; label: string }, how: Encoding, at: number, depth: number): FuzzCase => ({
    target, kind, label: `${label} ${how}${depth > 0 ? ` depth=${depth}` : ''}`, bytes: encode(wrap(seedKind, text, depth), how, at),
  });
  // Note: a costly case (100,000 deep, 10 MB) takes seconds, so it is one case in a few hundred or thousand, not one in thirty.
  const depth = options.big ? fc.oneof({ weight: 3000, arbitrary: fc.constant(0) }, { weight: 300, arbitrary: fc.integer({ min: 200, max: 3000 }) }, { weight: 1, arbitrary: fc.constant(100_000) }) : fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 200, max: 1500 }) });
  const mutated = (kind: SeedKind, inputKind: InputKind, maxOps = 4): fc.Arbitrary<FuzzCase> =>
    fc.tuple(mutatedText(ofKind(kind), maxOps), encoding, fraction, kind === 'html' ? depth : fc.constant(0)).map(([t, how, at, d]) => toCase(inputKind, kind)(t, how, at, d));
  const randomBytes = fc.uint8Array({ maxLength: 3000 }).map((bytes): FuzzCase => ({ target, kind: target === 'pipeline' ? 'auto' : (target as InputKind), label: `random ${bytes.length} bytes`, bytes }));
  const long = longLine(target);
  const extra = options.big ? [{ weight: 1, arbitrary: long }] : [];
  const w = (weight: number): number => weight * (target === 'text' || target === 'feed' ? 100 : 10);
  switch (target) {
    case 'text':
    case 'html':
    case 'feed':
      return fc.oneof({ weight: w(40), arbitrary: mutated(target, target) }, { weight: w(4), arbitrary: randomBytes }, ...extra);
    case 'jsonl':
      return fc.oneof({ weight: w(20), arbitrary: mutated('jsonl', 'jsonl') }, { weight: w(20), arbitrary: jsonlRecords(target, seeds) }, { weight: w(4), arbitrary: randomBytes }, ...extra);
    case 'auto':
      return fc.oneof({ weight: 10, arbitrary: randomBytes }, ...(['text', 'html', 'feed', 'jsonl'] as const).map((k) => ({ weight: 5, arbitrary: mutated(k, 'auto') })));
    case 'pipeline':
      return fc.oneof({ weight: w(30), arbitrary: mutated('text', 'auto', 3) }, { weight: w(6), arbitrary: mutated('html', 'auto', 2) }, { weight: w(4), arbitrary: mutated('feed', 'auto', 2) }, { weight: w(4), arbitrary: jsonlRecords(target, seeds) }, { weight: w(1), arbitrary: randomBytes }, ...extra);
  }
}

/** A JSONL stream of records made from mutated texts and pages, with broken and odd lines among them. */
function jsonlRecords(target: Target, seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> {
  const texts = seeds.filter((s) => s.kind === 'text' && s.text.length < 20_000);
  const pages = seeds.filter((s) => s.kind === 'html' && s.text.length < 60_000);
  const record = fc.oneof(
    { weight: 6, arbitrary: mutatedText(texts, 2).map(({ text, label }) => ({ line: JSON.stringify({ id: label.slice(0, 40), text }), label: `text:${label}` })) },
    { weight: 2, arbitrary: mutatedText(pages.length > 0 ? pages : texts, 2).map(({ text, label }) => ({ line: JSON.stringify({ html: text, url: 'https://example.org/a' }), label: `html:${label}` })) },
    { weight: 1, arbitrary: nasty.map((s) => ({ line: `{"id": ${JSON.stringify(s)}, "text": ${JSON.stringify(`${s} said ${s}.`)}, "published": ${JSON.stringify(s)}}`, label: 'odd fields' })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => ({ line: s.replace(/\n/gu, ' '), label: 'junk line' })) },
  );
  const kind: InputKind = target === 'pipeline' ? 'auto' : 'jsonl';
  return fc.array(record, { minLength: 1, maxLength: target === 'pipeline' ? 2 : 5 }).map((records): FuzzCase => ({
    target, kind, label: `jsonl[${records.map((r) => r.label).join(' | ')}]`, bytes: Buffer.from(records.map((r) => r.line).join('\n'), 'utf8'),
  }));
}

/** A 10 MB single line: a sentence repeated, with no line break. */
function longLine(target: Target): fc.Arbitrary<FuzzCase> {
  return nasty.map((s): FuzzCase => {
    const line = `Officials said ${s} the talks would go on. `.repeat(Math.ceil(10e6 / 45)).slice(0, 10e6);
    const text = target === 'html' ? `<p>${line}</p>` : target === 'feed' ? `<rss version="2.0"><channel><item><title>Long</title><description>${line.replace(/[<&]/gu, ' ')}</description></item></channel></rss>` : target === 'jsonl' ? JSON.stringify({ text: line }) : line;
    return { target, kind: target === 'pipeline' ? 'auto' : (target as InputKind), label: `10 MB line with ${JSON.stringify(s)}`, bytes: Buffer.from(text, 'utf8') };
  });
}

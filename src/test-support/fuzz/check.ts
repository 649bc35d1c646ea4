/**
 * The fuzzer's properties, checked on every case: the reader or pipeline never throws and never takes
 * longer than its time limit; every span is inside the text, on code-point boundaries, and (where it carries
 * its text) equal to `text.slice(start, end)`; every document is valid against `schema/wiregraph-1.schema.json`;
 * and the same input gives the same output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { extractItems, type Extracted } from '../../api/extract.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { readSource } from '../../read/read.js';
import type { FuzzCase } from './mutate.js';
import { repoRoot } from './seeds.js';

/** One broken property on one case. */
export interface Failure {
  readonly property: 'crash' | 'time' | 'span' | 'schema' | 'determinism' | 'internal-error';
  readonly detail: string;
}

let validator: ReturnType<InstanceType<typeof Ajv.default>['compile']> | null = null;

function validate(doc: unknown): string | null {
  validator ??= new Ajv.default({ allErrors: false }).compile(JSON.parse(readFileSync(join(repoRoot(), 'schema/wiregraph-1.schema.json'), 'utf8')));
  if (validator(doc)) return null;
  return JSON.stringify(validator.errors?.slice(0, 2));
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/**
 * Every span in a document: any object with numeric `start` and `end`, anywhere in it. Its `text`, where it
 * has one, must be the slice of the document's text; a message's `text` is prose, so only its offsets count.
 */
export function spanProblems(doc: { text: string }): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string, inMessages: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, inMessages));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number') {
      const { start, end } = o as { start: number; end: number };
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= doc.text.length)) problems.push(`${path} [${start}, ${end}) is outside the text (${doc.text.length})`);
      else if (splitsPair(doc.text, start) || splitsPair(doc.text, end)) problems.push(`${path} [${start}, ${end}) splits a surrogate pair`);
      else if (!inMessages && typeof o['text'] === 'string' && doc.text.slice(start, end) !== o['text']) problems.push(`${path} text ${JSON.stringify(o['text'])} is not the slice ${JSON.stringify(doc.text.slice(start, end))}`);
    }
    for (const [key, v] of Object.entries(o)) if (key !== 'text' && typeof v === 'object') visit(v, `${path}.${key}`, inMessages || key === 'messages');
  };
  visit(doc, '', false);
  return problems;
}

/** The results of one run, as comparable text. */
function fingerprint(results: readonly Extracted[]): string {
  return JSON.stringify(results.map((r) => (r.ok ? r.doc : { input: r.input, code: r.error.code, message: r.error.message })));
}

/** Options for checking a case. */
export interface CheckOptions {
  /** The pipeline for the `pipeline` target; readers are checked with a pipeline of no stages. */
  readonly pipeline: Pipeline;
  /** The most milliseconds one run of a case may take. */
  readonly timeLimitMs: number;
  /** Whether to run the case twice and compare (the determinism property). */
  readonly twice: boolean;
}

/**
 * Runs one case and checks the properties.
 * @returns the broken properties (empty when it passed) and how many documents it produced
 */
export function checkCase(c: FuzzCase, options: CheckOptions): { failures: Failure[]; docs: number } {
  const run = (): { results: Extracted[]; ms: number } => {
    const started = performance.now();
    const items = readSource({ name: 'fuzz-input', bytes: c.bytes, contentType: null, url: null }, { kind: c.kind, date: '2025-09-13', maxBytes: 10 * 1024 * 1024 });
    const results = extractItems(items, { pipeline: options.pipeline, tokens: true });
    return { results, ms: performance.now() - started };
  };
  let first: { results: Extracted[]; ms: number };
  try {
    first = run();
  } catch (e) {
    return { failures: [{ property: 'crash', detail: e instanceof Error ? (e.stack ?? e.message).slice(0, 600) : String(e) }], docs: 0 };
  }
  const failures: Failure[] = [];
  if (first.ms > options.timeLimitMs) failures.push({ property: 'time', detail: `took ${Math.round(first.ms)} ms (limit ${options.timeLimitMs})` });
  for (const r of first.results) {
    if (!r.ok) {
      // Note: WG_READ_FAILED and WG_STAGE_FAILED are the codes of failures nothing foresaw: a bug surfacing as an error.
      if (r.error.code === 'WG_READ_FAILED' || r.error.code === 'WG_STAGE_FAILED') failures.push({ property: 'internal-error', detail: `${r.error.code}: ${r.error.message.slice(0, 300)}` });
      continue;
    }
    const doc = JSON.parse(JSON.stringify(r.doc)) as { text: string };
    const schema = validate(doc);
    if (schema) failures.push({ property: 'schema', detail: schema.slice(0, 400) });
    for (const p of spanProblems(doc).slice(0, 3)) failures.push({ property: 'span', detail: p.slice(0, 400) });
  }
  if (options.twice) {
    try {
      if (fingerprint(run().results) !== fingerprint(first.results)) failures.push({ property: 'determinism', detail: 'a second run gave another output' });
    } catch (e) {
      failures.push({ property: 'determinism', detail: `the second run threw: ${String(e).slice(0, 300)}` });
    }
  }
  return { failures, docs: first.results.filter((r) => r.ok).length };
}

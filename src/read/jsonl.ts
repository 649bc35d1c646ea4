import { WiregraphError } from '../errors.js';
import { zod } from '../lazy-module.js';
import { normaliseNewlines, withoutControls } from './decode.js';
import { articleFromHtml } from './html.js';
import { articleFromText } from './layout.js';
import { parseTimestamp } from './timestamp.js';
import type { ReadItem } from './types.js';

const recordSchema = (z = zod().z) => z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    published: z.string().optional(),
    outlet: z.string().optional(),
    headline: z.string().optional(),
    url: z.string().optional(),
    language: z.string().optional(),
  })
  .refine((r) => (r.text ?? r.html ?? '').trim() !== '', { message: 'a record needs a non-empty "text" or "html"' });
let record: ReturnType<typeof recordSchema> | undefined;

/** Where a JSONL line sits, and the caps and anchor its record is read with. */
export interface JsonlLineContext {
  /** The input's name, for errors. */
  readonly input: string;
  /** The line's number, from 1. */
  readonly line: number;
  /** The `--date` anchor, for records without `published`. */
  readonly date: string | null;
}

/**
 * Reads JSONL: one record per line, `{"id"?, "text" | "html", "published"?, "outlet"?, "headline"?, "url"?}`.
 * Lines end at `\n` only, so U+2028 and U+2029 inside a JSON string stay text. Every non-blank line
 * yields one item in order; a line that is not JSON, not a valid record, holds a NUL or is longer than
 * `maxBytes` yields a coded error naming its line, and the rest go on.
 * @param content - the decoded file, its line ends not normalised beyond CR
 * @param input - the input's name, for errors
 * @param date - the `--date` anchor, for records without `published`
 * @param maxBytes - the cap on one record's UTF-8 bytes
 */
export function readJsonl(content: string, input: string, date: string | null = null, maxBytes = Infinity): ReadItem[] {
  const items: ReadItem[] = [];
  content.split('\n').forEach((line, index) => {
    const where = { input, line: index + 1, date };
    // Note: a UTF-16 code unit is at most three UTF-8 bytes, so most lines skip the byte count.
    const bytes = line.length * 3 > maxBytes ? Buffer.byteLength(line) : 0;
    const item = bytes > maxBytes ? tooLongLine(where, bytes, maxBytes, line.slice(0, 1024)) : readJsonlLine(line, where);
    if (item) items.push(item);
  });
  return items;
}

/**
 * Reads one JSONL line into an item: an Article, or the coded error that stopped it; null for a blank line.
 * @param line - the line without its `\n`
 */
export function readJsonlLine(line: string, context: JsonlLineContext): ReadItem | null {
  if (line.trim() === '') return null;
  const { input, line: lineNo, date } = context;
  const where = { input, line: lineNo };
  const name = `${input}:${lineNo}`;
  const fail = (error: WiregraphError, inputId: string | null = null): ReadItem => ({ ok: false, input: name, inputId, line: lineNo, error });
  if (line.includes('\u0000')) {
    return fail(new WiregraphError('WG_JSONL_BAD_LINE', `${name} holds a NUL byte, which text never has; the line is skipped.`, where), idOfHead(line));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return fail(new WiregraphError('WG_JSONL_BAD_LINE', `${name} is not JSON: ${(e as Error).message}`, where));
  }
  const parsed = (record ??= recordSchema()).safeParse(raw);
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  // Note: an empty id is no id: the output's id is never empty (the fuzzer found `"id": ""` echoed).
  const inputId = (typeof rawId === 'string' && rawId !== '') || typeof rawId === 'number' ? String(rawId) : null;
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
    return fail(new WiregraphError('WG_JSONL_BAD_LINE', `${name} is not a valid record (${why}).`, where), inputId);
  }
  const r = parsed.data;
  const hints = {
    outlet: wellFormed(r.outlet) ?? null,
    // Note: a published value that is no timestamp is dropped, as a feed's is: `meta.published` is always one (the schema's pattern).
    published: r.published ? parseTimestamp(r.published) : null,
    headline: wellFormed(r.headline) ?? null,
    url: r.url ?? null,
    language: r.language ?? null,
    date,
  };
  try {
    const html = wellFormed(r.html);
    const article = html !== undefined && html.trim() !== ''
      ? articleFromHtml(html, name, hints)
      : articleFromText(withHeadline(normaliseNewlines(wellFormed(r.text) ?? ''), hints.headline ?? undefined), hints);
    return { ok: true, input: name, inputId, line: lineNo, article: withoutControls(article, name) };
  } catch (e) {
    return fail(e instanceof WiregraphError ? e : new WiregraphError('WG_JSONL_BAD_LINE', `${name}: ${(e as Error).message}`, where), inputId);
  }
}

/**
 * The error item for a line longer than the cap, in the line's place; its id is read from the line's
 * start when the record opens with one.
 * @param head - the line's first characters
 */
export function tooLongLine(context: JsonlLineContext, bytes: number, maxBytes: number, head: string): ReadItem {
  const name = `${context.input}:${context.line}`;
  const error = new WiregraphError('WG_INPUT_TOO_LARGE', `${name} is a record of ${bytes} bytes, over the cap of ${maxBytes} bytes per record; raise it with --max-bytes if this record is meant to be read.`, { input: context.input, line: context.line });
  return { ok: false, input: name, inputId: idOfHead(head), line: context.line, error };
}

const LEADING_ID = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,20})/u;

/** The `id` a record opens with (`{"id": "r7", ...`), for the error of a line that cannot be read whole. */
function idOfHead(head: string): string | null {
  const match = LEADING_ID.exec(head);
  if (!match) return null;
  try {
    const id = JSON.parse(match[1]!) as unknown;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

// Note: JSON.parse keeps a lone surrogate (`"\ud800"`) as one UTF-16 unit; written out as UTF-8 it would
// become U+FFFD anyway, so it is made one U+FFFD here, where every later offset is still counted.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(LONE_SURROGATE, '\uFFFD');
}

/** Puts a record's headline before its text, as every reader's text starts, unless the text already does. */
function withHeadline(text: string, headline: string | undefined): string {
  const body = text.replace(/\r\n?/gu, '\n').trim();
  if (!headline || body.startsWith(headline.trim())) return body;
  return `${headline.trim()}\n\n${body}`;
}

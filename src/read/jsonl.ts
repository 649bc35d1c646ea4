import { z } from 'zod';
import { WiregraphError } from '../errors.js';
import { articleFromHtml } from './html.js';
import { articleFromText } from './layout.js';
import { parseTimestamp } from './timestamp.js';
import type { ReadItem } from './types.js';

const Record = z
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

/**
 * Reads JSONL: one record per line, `{"id"?, "text" | "html", "published"?, "outlet"?, "headline"?, "url"?}`.
 * Every non-blank line yields one item in order; a line that is not JSON or not a valid record yields a
 * coded error naming its line, and the rest go on.
 * @param content - the decoded file
 * @param input - the input's name, for errors
 * @param date - the `--date` anchor, for records without `published`
 */
export function readJsonl(content: string, input: string, date: string | null = null): ReadItem[] {
  const items: ReadItem[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = { input, line: index + 1 };
    const name = `${input}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      items.push({ ok: false, input: name, inputId: null, error: new WiregraphError('WG_JSONL_BAD_LINE', `${name} is not JSON: ${(e as Error).message}`, where) });
      return;
    }
    const parsed = Record.safeParse(raw);
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const inputId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
      items.push({ ok: false, input: name, inputId, error: new WiregraphError('WG_JSONL_BAD_LINE', `${name} is not a valid record (${why}).`, where) });
      return;
    }
    const r = parsed.data;
    const hints = {
      outlet: r.outlet ?? null,
      published: r.published ? (parseTimestamp(r.published) ?? r.published) : null,
      headline: r.headline ?? null,
      url: r.url ?? null,
      language: r.language ?? null,
      date,
    };
    try {
      const article = r.html !== undefined && r.html.trim() !== ''
        ? articleFromHtml(r.html, name, hints)
        : articleFromText(withHeadline(r.text ?? '', r.headline), hints);
      items.push({ ok: true, input: name, inputId, article });
    } catch (e) {
      const error = e instanceof WiregraphError ? e : new WiregraphError('WG_JSONL_BAD_LINE', `${name}: ${(e as Error).message}`, where);
      items.push({ ok: false, input: name, inputId, error });
    }
  });
  return items;
}

/** Puts a record's headline before its text, as every reader's text starts, unless the text already does. */
function withHeadline(text: string, headline: string | undefined): string {
  const body = text.replace(/\r\n?/gu, '\n').trim();
  if (!headline || body.startsWith(headline.trim())) return body;
  return `${headline.trim()}\n\n${body}`;
}

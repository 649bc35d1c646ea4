import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Quote } from '../contract/index.js';
import type { EventActorRow, EventRow, GlobalEntity } from '../store/graph.js';
import type { Page } from '../store/store.js';

/** The formats a list route answers in: JSON pages (the default), or the whole list as CSV or JSON Lines. */
export type ExportFormat = 'json' | 'csv' | 'jsonl';

/** The `format` query parameter of the list routes. */
export const formatSchema = {
  type: 'string',
  enum: ['json', 'csv', 'jsonl'],
  description: 'json (default): one page; csv (with a header row, RFC 4180) or jsonl: every row the filter selects, streamed (limit and cursor do not apply)',
} as const;

/** A column of an export: its header and how a row gives its value. */
export type Column<T> = readonly [header: string, value: (row: T) => string | number | null];

/** Reads one page of a list (from a synchronous or an asynchronous store). */
export type PageReader<T> = (cursor: string | null, limit: number) => Page<T> | Promise<Page<T>>;

/** Rows read from the store in pages of this many while an export streams. */
const EXPORT_PAGE = 500;

/** One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One CSV record, ended by CRLF. */
export const csvRecord = (values: ReadonlyArray<string | number | null>): string => `${values.map(csvField).join(',')}\r\n`;

/** Every row of a paged list, one page read at a time. */
async function* rowsOf<T>(read: PageReader<T>): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page = await read(cursor, EXPORT_PAGE);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

/** The lines of an export, header first for CSV. */
async function* linesOf<T>(format: 'csv' | 'jsonl', columns: ReadonlyArray<Column<T>>, rows: AsyncIterable<T>): AsyncGenerator<string> {
  if (format === 'csv') yield csvRecord(columns.map(([header]) => header));
  for await (const row of rows) yield format === 'csv' ? csvRecord(columns.map(([, value]) => value(row))) : `${JSON.stringify(row)}\n`;
}

/**
 * Sends a whole list as CSV or JSON Lines, streamed: the store is read a page at a time as the client takes the
 * lines, so a large store is never held in memory.
 * @param name - the file name the download is offered under, without extension
 * @param read - reads one page of the list, with the route's filter
 */
export function sendExport<T>(reply: FastifyReply, format: 'csv' | 'jsonl', name: string, columns: ReadonlyArray<Column<T>>, read: PageReader<T>): FastifyReply {
  reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/jsonl; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="wiregraph-${name}.${format}"`);
  return reply.send(exportStream(format, columns, read));
}

/** The lines of a whole list as a stream that reads the list's pages only as they are taken (see {@link sendExport}). */
export function exportStream<T>(format: 'csv' | 'jsonl', columns: ReadonlyArray<Column<T>>, read: PageReader<T>): Readable {
  return Readable.from(linesOf(format, columns, rowsOf(read)), { objectMode: false, highWaterMark: 64 * 1024 });
}

const names = (actors: readonly EventActorRow[]): string => actors.map((a) => a.name ?? a.text).join('; ');

/** Where a fact was found and how widely it was carried: the columns every fact export ends with. */
const factColumns = <T extends EventRow | Quote>(): ReadonlyArray<Column<T>> => [
  ['article', (r) => r.source.article],
  ['headline', (r) => r.source.headline],
  ['published', (r) => r.source.published],
  ['sentence', (r) => r.source.sentence],
  ['start', (r) => r.source.start],
  ['end', (r) => r.source.end],
  ['copies', (r) => r.copies],
  ['outlets', (r) => r.outlets],
  ['sources', (r) => r.sources],
];

/** The columns of an events export. */
export const EVENT_COLUMNS: ReadonlyArray<Column<EventRow>> = [
  ['id', (e) => e.id],
  ['fact', (e) => e.fact],
  ['date', (e) => e.date],
  ['mode', (e) => e.mode],
  ['cameo', (e) => e.cameo],
  ['plover', (e) => e.plover],
  ['quad', (e) => e.quad],
  ['trigger', (e) => e.trigger],
  ['source_actors', (e) => names(e.sourceActors)],
  ['target_actors', (e) => names(e.targetActors)],
  ['reported_by', (e) => e.reportedBy?.name ?? null],
  ['quote_kind', (e) => e.quote?.kind ?? null],
  ['quote_channels', (e) => e.quote?.channels.join('; ') ?? null],
  ['confidence', (e) => e.confidence],
  ...factColumns<EventRow>(),
];

/** The columns of a quotes export. */
export const QUOTE_COLUMNS: ReadonlyArray<Column<Quote>> = [
  ['id', (q) => q.id],
  ['fact', (q) => q.fact],
  ['kind', (q) => q.kind],
  ['speaker', (q) => q.speaker],
  ['speaker_text', (q) => q.speakerText],
  ['cue', (q) => q.cue],
  ['content', (q) => q.content],
  ['channels', (q) => q.channels.join('; ')],
  ['date', (q) => q.date],
  ...factColumns<Quote>(),
];

/** The columns of an entities export. */
export const ENTITY_COLUMNS: ReadonlyArray<Column<GlobalEntity>> = (['id', 'type', 'name', 'wikidata', 'country', 'cameo', 'mentions', 'articles', 'stories', 'copies'] as const).map((k): Column<GlobalEntity> => [k, (e) => e[k]]);

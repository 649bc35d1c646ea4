import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBy } from '../store/contract-docs.js';
import { modalDoc } from '../store/contract-events.js';
import type { EventRow, QuoteRow } from '../store/graph.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore, Page } from '../store/store.js';
import { docOf, seedStoryDoc } from '../test-support/docs.js';
import { buildApp } from './app.js';
import { EVENT_COLUMNS, exportStream } from './export.js';

let store: ArticleStore;
let app: ReturnType<typeof buildApp>;
let ids: { seed: string; modal: string; putin: string };

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  const seed = seedStoryDoc();
  const modal = publishedBy(modalDoc(), 'Yonhap', 'https://yonhap.example/1', '2025-09-14T09:00');
  const putin = publishedBy(docOf('Putin visits Pyongyang', 'Russian President Vladimir Putin toured Pyongyang, "for talks, and more", officials said.', '2024-06-19'), 'TASS', null, '2024-06-19T12:00');
  store.addBatch([{ doc: putin, source: 'p' }, { doc: seed, source: 'seed' }, { doc: modal, source: 'modal' }]);
  ids = { seed: seed.id, modal: modal.id, putin: putin.id };
  app = buildApp({ store });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

const get = async <T>(url: string): Promise<{ status: number; body: T; type: string; text: string }> => {
  const res = await app.inject(url);
  return { status: res.statusCode, body: (/^application\/json(;|$)/u.test(String(res.headers['content-type'])) ? res.json() : null) as T, type: String(res.headers['content-type']), text: res.body };
};

/** An RFC 4180 reader, so that the export is read back as a spreadsheet would. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  return rows;
}

describe('the analyst filters in the API', () => {
  it('filters every list by outlet, date, entity type, PLOVER type, quad class and mode', async () => {
    const articles = async (q: string): Promise<string[]> => (await get<{ items: Array<{ id: string }> }>(`/api/articles?${q}`)).body.items.map((a) => a.id).sort();
    expect(await articles('outlet=TASS')).toEqual([ids.putin]);
    expect(await articles('from=2025-09-14&to=2025-09-14')).toEqual([ids.modal]);
    expect(await articles('plover=ASSAULT&mode=negated')).toEqual([ids.modal]);
    const events = async (q: string): Promise<EventRow[]> => (await get<Page<EventRow>>(`/api/events?${q}`)).body.items as EventRow[];
    expect((await events('outlet=Yonhap&quad=material-cooperation')).map((e) => e.trigger)).toEqual(['stepping up']);
    expect((await events('outlet=Yonhap&mode=planned')).map((e) => e.trigger)).toEqual(['plans to attack']);
    const all = await events('limit=200');
    const persons = await events('type=PERSON&limit=200');
    expect(persons.length).toBeLessThan(all.length);
    expect(persons.every((e) => [...e.sourceActors, ...e.targetActors].some((a) => a.entity !== null))).toBe(true);
    const quotes = (await get<Page<QuoteRow>>('/api/quotes?outlet=Yonhap&plover=AID')).body.items;
    expect(quotes.map((q) => q.source.article)).toEqual([ids.modal]);
    const network = (await get<{ edges: Array<{ quad: string }> }>('/api/network?outlet=Yonhap&quad=material-conflict&modes=all')).body;
    expect(network.edges.map((e) => e.quad)).toEqual(['material-conflict']);
    const timeline = (await get<{ periods: Array<{ period: string; events: number }> }>('/api/timeline?outlet=Yonhap&modes=all&quad=material-conflict')).body;
    expect(timeline.periods).toEqual([expect.objectContaining({ period: '2025-09', events: 3 })]);
    const entities = (await get<Page<{ name: string }>>('/api/entities?outlet=TASS&limit=100')).body.items.map((e) => e.name);
    expect(entities).toContain('Vladimir Putin');
    expect(entities).not.toContain('Kim Jong Un');
  });

  it.each(['/api/events?from=2024-13', '/api/events?to=2023-02-29', '/api/search?q=Putin&from=2024-02-30', '/api/quotes?to=2025-00', '/api/articles?from=99', '/api/entities?from=2024-04-31', '/api/timeline?quad=conflict', '/api/network?mode=maybe'])(
    'refuses %s with a 400 naming the parameter',
    async (url) => {
      const res = await get<{ error: { code: string; message: string } }>(url);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('WG_BAD_OPTION');
      expect(res.body.error.message).toMatch(/from|to|quad|mode/u);
    },
  );

  it('pages articles by publication date, the reference story first', async () => {
    const first = (await get<Page<{ id: string }> & { total: number }>('/api/articles?order=published&limit=2')).body;
    expect(first.items.map((a) => a.id)).toEqual([ids.modal, ids.seed]);
    const second = (await get<Page<{ id: string }>>(`/api/articles?order=published&limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((a) => a.id)).toEqual([ids.putin]);
    expect(second.nextCursor).toBeNull();
  });

  it('says what the corpus holds', async () => {
    const o = (await get<{ articles: number; outletCount: number; first: string; last: string; outlets: Array<{ outlet: string }>; topEntities: unknown[] }>('/api/overview')).body;
    expect(o).toMatchObject({ articles: 3, outletCount: 3, first: '2024-06-19T12:00', last: '2025-09-14T09:00' });
    expect(o.outlets.map((x) => x.outlet).sort()).toEqual(['BSS', 'TASS', 'Yonhap']);
    expect(o.topEntities.length).toBeGreaterThan(3);
  });
});

describe('search syntax in the API', () => {
  const hits = async (q: string): Promise<string[]> => (await get<Page<{ id: string }>>(`/api/search?q=${encodeURIComponent(q)}`)).body.items.map((h) => h.id).sort();
  it('takes OR, a phrase, a prefix and an exclusion', async () => {
    expect(await hits('Kim OR Putin')).toEqual([ids.seed, ids.putin].sort());
    expect(await hits('"toured Pyongyang"')).toEqual([ids.putin]);
    expect(await hits('Pyong*')).toEqual([ids.seed, ids.putin].sort());
    expect(await hits('Pyongyang -Kim')).toEqual([ids.putin]);
    expect(await hits('Pyongyang -"toured Pyongyang"')).toEqual([ids.seed]);
    expect(await hits('Pyongyang')).toEqual([ids.seed, ids.putin].sort());
    expect(await hits('Pyongyang -Kim OR attacked')).toEqual([ids.modal, ids.putin].sort());
  });

  it.each([['"unbalanced', 1, 'quote'], ['Kim OR', 5, 'OR'], ['-Putin', 1, 'exclusion'], ['Kim "state', 5, 'quote']] as const)(
    'refuses %j with a message that says where the mistake is',
    async (q, at, what) => {
      const res = await get<{ error: { code: string; message: string } }>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`character ${at}`);
      expect(res.body.error.message).toContain(what);
    },
  );
});

describe('exports', () => {
  it('exports the events of a filter as CSV with a header row, each with its article, sentence and span', async () => {
    const res = await get<never>('/api/events?format=csv&outlet=Yonhap');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/u);
    const [header, ...rows] = readCsv(res.text);
    expect(header).toEqual(EVENT_COLUMNS.map(([h]) => h));
    const json = (await get<Page<EventRow>>('/api/events?outlet=Yonhap&limit=200')).body.items;
    expect(rows).toHaveLength(json.length);
    const col = (name: string): number => header!.indexOf(name);
    const doc = store.get(ids.modal)!;
    for (const row of rows) {
      expect(row[col('article')]).toBe(ids.modal);
      expect(doc.text.slice(Number(row[col('start')]), Number(row[col('end')]))).toBe(row[col('trigger')]);
    }
    expect(rows.find((r) => r[col('trigger')] === 'stepping up')?.[col('reported_by')]).toBe('Seoul');
  });

  it('quotes CSV fields with commas and quotes (RFC 4180), and exports quotes and entities as JSON Lines', async () => {
    const csv = await get<never>(`/api/quotes?format=csv&outlet=BSS`);
    const [header, ...rows] = readCsv(csv.text);
    const content = header!.indexOf('content');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r[content]!.includes(','))).toBe(true);
    expect(csv.text).toMatch(/\r\n$/u);
    const json = (await get<Page<QuoteRow>>('/api/quotes?outlet=BSS&limit=200')).body.items;
    expect(rows.map((r) => r[content])).toEqual(json.map((q) => q.content));
    const lines = (await get<never>('/api/quotes?format=jsonl&outlet=BSS')).text.trim().split('\n').map((l) => JSON.parse(l) as QuoteRow);
    expect(lines).toEqual(json);
    const entities = await get<never>('/api/entities?format=jsonl&outlet=TASS');
    expect(entities.type).toMatch(/^application\/jsonl/u);
    expect(entities.text.trim().split('\n').map((l) => (JSON.parse(l) as { name: string }).name)).toContain('Vladimir Putin');
  });

  it('streams: the store is read one page at a time as the lines are taken', async () => {
    let reads = 0;
    const fake = { id: 1, source: { article: 'a' }, sourceActors: [], targetActors: [], reportedBy: null, quote: null } as unknown as EventRow;
    const stream = exportStream('csv', EVENT_COLUMNS, (cursor, limit) => {
      reads++;
      const at = Number(cursor ?? 0);
      return { items: Array.from({ length: limit }, () => fake), nextCursor: at < 100 ? String(at + 1) : null };
    });
    for await (const _chunk of stream) break;
    expect(reads).toBeLessThan(5);
  });
});

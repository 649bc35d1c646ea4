import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/store.js';
import { runCli } from '../test-support/cli.js';
import { parseInterval, readFeedList } from './feeds-file.js';
import type { FeedReport } from './poll.js';
import { watch, type WatchOptions } from './watch.js';

/** What the feed server answers: its items, ETag, Last-Modified, or an error status. */
const feed = { items: [] as number[], etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT', status: 200 };
const requests: IncomingMessage[] = [];
let server: Server;
let url = '';

const item = (n: number): string =>
  `<item><title>Round ${n} of talks</title><link>https://wire.example/${n}</link><guid>https://wire.example/${n}</guid><pubDate>Mon, 30 Nov 2026 0${n % 10}:00:00 GMT</pubDate>` +
  `<description>GENEVA (AFP) - Delegates of ${n} states met on Monday for round ${n} of the talks. "We made progress," one said.</description></item>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    if (feed.status !== 200) return void res.writeHead(feed.status).end('down');
    if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag, 'last-modified': feed.lastModified });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${feed.items.map(item).join('')}</channel></rss>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A feeds list holding the test feed, with a comment and a blank line. */
function list(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wg-watch-')), 'feeds.txt');
  writeFileSync(path, `# the test wire\n\n${url}   # loopback\n`);
  return path;
}

/** One round of the watch; returns its reports. */
async function round(path: string, db: string, extra: Partial<WatchOptions> = {}): Promise<FeedReport[]> {
  const store = openSqliteStore(db);
  const reports: FeedReport[] = [];
  try {
    await watch(path, store, { everyMs: 1000, once: true, date: null, maxBytes: 1_000_000, allowPrivateAddresses: true, onReport: (r) => reports.push(r), ...extra });
  } finally {
    store.close();
  }
  return reports;
}

describe('watch', () => {
  it('stores new items only, sends the validators back and takes a 304, and survives a restart without re-ingesting', async () => {
    const path = list();
    const db = join(mkdtempSync(join(tmpdir(), 'wg-watch-db-')), 'watch.db');
    Object.assign(feed, { items: [1, 2], etag: '"v1"', status: 200 });
    expect(await round(path, db)).toMatchObject([{ outcome: 'fetched', items: 2, newItems: 2, added: 2 }]);

    requests.length = 0;
    expect(await round(path, db)).toMatchObject([{ outcome: 'not-modified', added: 0 }]);
    expect(requests.map((r) => [r.headers['if-none-match'], r.headers['if-modified-since']])).toEqual([['"v1"', feed.lastModified]]);

    Object.assign(feed, { items: [1, 2, 3], etag: '"v2"' });
    expect(await round(path, db)).toMatchObject([{ outcome: 'fetched', items: 3, newItems: 1, added: 1 }]);

    // Note: each round opens the database anew, as a restarted watch does; a changed ETag with the same items stores nothing.
    Object.assign(feed, { etag: '"v3"' });
    expect(await round(path, db)).toMatchObject([{ outcome: 'fetched', items: 3, newItems: 0, added: 0, copies: 0 }]);
    const store = openSqliteStore(db);
    expect(store.count()).toBe(3);
    store.close();
  });

  it('backs a failing host off, doubling the wait up to the cap, asks nothing meanwhile, and resets on success', async () => {
    const path = list();
    const db = join(mkdtempSync(join(tmpdir(), 'wg-watch-db-')), 'backoff.db');
    Object.assign(feed, { items: [7], etag: '"b1"', status: 500 });
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    const at = (ms: number): Partial<WatchOptions> => ({ now: () => new Date(t0 + ms), backoff: { baseMs: 60_000, capMs: 200_000 } });
    requests.length = 0;
    expect(await round(path, db, at(0))).toMatchObject([{ outcome: 'failed', error: { code: 'WG_FETCH_FAILED' }, retryAt: '2026-12-01T00:01:00.000Z' }]);
    expect(await round(path, db, at(30_000))).toMatchObject([{ outcome: 'backed-off', retryAt: '2026-12-01T00:01:00.000Z' }]);
    expect(requests).toHaveLength(1);
    expect(await round(path, db, at(61_000))).toMatchObject([{ outcome: 'failed', retryAt: '2026-12-01T00:03:01.000Z' }]);
    expect(await round(path, db, at(182_000))).toMatchObject([{ outcome: 'failed', retryAt: '2026-12-01T00:06:22.000Z' }]);
    expect(await round(path, db, at(383_000))).toMatchObject([{ outcome: 'failed', retryAt: '2026-12-01T00:09:43.000Z' }]);
    expect(requests).toHaveLength(4);
    feed.status = 200;
    expect(await round(path, db, at(584_000))).toMatchObject([{ outcome: 'fetched', added: 1 }]);
    Object.assign(feed, { status: 500 });
    expect(await round(path, db, at(585_000))).toMatchObject([{ outcome: 'failed', retryAt: '2026-12-01T00:10:45.000Z' }]);
  });

  it('polls every interval until its signal ends it, storing nothing twice', async () => {
    const path = list();
    const db = join(mkdtempSync(join(tmpdir(), 'wg-watch-db-')), 'loop.db');
    Object.assign(feed, { items: [8, 9], etag: '"l1"', status: 200 });
    const stop = new AbortController();
    const store = openSqliteStore(db);
    const reports: FeedReport[] = [];
    const summary = await watch(path, store, {
      everyMs: 20, once: false, date: null, maxBytes: 1_000_000, allowPrivateAddresses: true, signal: stop.signal,
      onReport: (r) => (reports.push(r), reports.length === 3 && stop.abort()),
    });
    store.close();
    expect(summary).toMatchObject({ rounds: 3, polls: 3, added: 2, notModified: 2, failedPolls: 0 });
    expect(reports.map((r) => r.outcome)).toEqual(['fetched', 'not-modified', 'not-modified']);
  });

  it('runs from the command line with --once, and refuses the loopback feed without --allow-private-addresses', async () => {
    const path = list();
    const db = join(mkdtempSync(join(tmpdir(), 'wg-watch-cli-')), 'cli.db');
    Object.assign(feed, { items: [4, 5], etag: '"c1"', status: 200 });
    const refused = await runCli(['watch', '--db', db, '--once', path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('WG_FETCH_BLOCKED');
    // Note: the refusal backs the host off for a minute; the next watch is another host name for the same server.
    writeFileSync(path, url.replace('127.0.0.1', 'localhost'));
    const run = await runCli(['watch', '--db', db, '--once', '--allow-private-addresses', path]);
    expect(run.stdout).toContain(': 2 items, 2 new: 2 stored, 0 copies, 0 failed');
    expect(run.stdout).toContain('watched 1 rounds, 1 polls: 2 new');
    expect(run.code).toBe(0);
  });
});

describe('the feeds list and the interval', () => {
  it('reads URLs one per line, skipping comments, blank lines and repeats; refuses a line that is no URL', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wg-list-')), 'feeds.txt');
    writeFileSync(path, '# feeds\nhttps://a.example/rss\n\nhttps://b.example/atom # B\nhttps://a.example/rss\n');
    expect(await readFeedList(path)).toEqual(['https://a.example/rss', 'https://b.example/atom']);
    writeFileSync(path, 'https://a.example/rss\nftp://c.example/feed\n');
    await expect(readFeedList(path)).rejects.toMatchObject({ code: 'WG_BAD_OPTION', line: 2 });
  });

  it('parses 90s, 15m, 1h and bare minutes; refuses what is no interval', () => {
    expect([parseInterval('90s'), parseInterval('15m'), parseInterval('1h'), parseInterval('2')]).toEqual([90_000, 900_000, 3_600_000, 120_000]);
    expect(() => parseInterval('soon')).toThrow(/--every/u);
    expect(() => parseInterval('0s')).toThrow(/--every/u);
  });
});

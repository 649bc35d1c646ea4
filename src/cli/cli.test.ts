import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../test-support/cli.js';

const seed = join(ROOT, 'data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt');
const fixture = (name: string): string => join(ROOT, 'src/read/fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'wg-cli-'));
const lines = (s: string): unknown[] => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('wiregraph extract', () => {
  it('gives the seed story exactly its gold meta', async () => {
    const { code, stdout } = await runCli(['extract', seed]);
    expect(code).toBe(0);
    const [doc] = lines(stdout) as Array<{ meta: Record<string, unknown> }>;
    expect(doc!.meta).toMatchObject({
      outlet: 'BSS',
      published: '2025-09-13T08:28',
      headline: 'North Korea to boost nuclear arsenal, conventional military: state media',
      language: 'en',
      dateline: { place: 'SEOUL', date: '2025-09-13', credits: ['BSS', 'AFP'], originator: 'AFP', republisher: 'BSS' },
    });
  });

  it('reads standard input with - or no file, and indents with --pretty', async () => {
    const text = readFileSync(seed, 'utf8');
    const [a, b] = await Promise.all([runCli(['extract', '-'], text), runCli(['extract', '--pretty'], text)]);
    expect((lines(a.stdout)[0] as { id: string }).id).toBe((JSON.parse(b.stdout) as { id: string }).id);
    expect(b.stdout.split('\n').length).toBeGreaterThan(20);
  });

  it('keeps JSONL order, echoes ids, and puts an error line in place of a bad record', async () => {
    const { code, stdout, stderr } = await runCli(['extract', '--input', 'jsonl', fixture('records.jsonl')]);
    expect(code).toBe(1);
    const out = lines(stdout) as Array<{ id: string | null; error?: { code: string } }>;
    expect(out.map((o) => [o.id, o.error?.code ?? null])).toEqual([['r1', null], [null, 'WG_JSONL_BAD_LINE'], ['r3', 'WG_JSONL_BAD_LINE'], ['7', null]]);
    expect(stderr).toContain('records.jsonl:2');
  });

  it('dates an undated plain text with --date', async () => {
    const { stdout } = await runCli(['extract', '--input', 'text', '--date', '2025-09-13'], 'Officials met on Friday. They agreed.');
    expect((lines(stdout)[0] as { meta: { published: string } }).meta.published).toBe('2025-09-13');
  });

  it('codes events with your own actors from --actors, and names the file and line of a bad one', async () => {
    const good = join(tmp, 'actors.csv');
    writeFileSync(good, 'name,code\nArnor,ARN\nGondor,GON\nsoldiers,~MIL\n');
    const { stdout } = await runCli(['extract', '--input', 'text', '--date', '2025-01-01', '--actors', good], 'Soldiers from Arnor attacked Gondor on Monday.');
    const events = (lines(stdout)[0] as { events: Array<{ cameo: string; source: Array<{ code: string }>; target: Array<{ code: string }> }> }).events;
    expect(events.map((e) => `${e.source[0]?.code} ${e.cameo} ${e.target[0]?.code}`)).toEqual(['ARNMIL 190 GON']);
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'name,code\nArnor,arn\n');
    const failed = await runCli(['extract', '--actors', bad], 'Text.');
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(`WG_BAD_DICTIONARY ${bad}:2`);
  });

  it.each(['2025-13-01', '13/09/2025', '2025-02-30', 'yesterday'])('refuses --date %s with a usage error', async (date) => {
    const { code, stderr } = await runCli(['extract', '--date', date], 'Text.');
    expect(code).toBe(2);
    expect(stderr).toContain('WG_BAD_DATE');
  });
});

describe('bad input never stops a batch', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(fixture('feed.rss')));
      else if (req.url === '/feed-not-xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('this is { not xml');
      else res.writeHead(404).end('gone');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reports each bad input with its code and name, extracts the good ones, and exits 1', async () => {
    const empty = join(tmp, 'empty.txt');
    const binary = join(tmp, 'image.bin');
    const huge = join(tmp, 'huge.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024);
    // Note: the test servers are on loopback, which is fetched only with --allow-private-addresses.
    const { code, stdout, stderr } = await runCli([
      'extract', '--allow-private-addresses', empty, binary, huge, fixture('no-article.html'), fixture('not-xml.rss'), join(tmp, 'missing.txt'),
      'http://127.0.0.1:9/unreachable', `${base}/missing`, `${base}/feed-not-xml`, seed,
    ]);
    expect(code).toBe(1);
    for (const [codeName, input] of [
      ['WG_EMPTY_INPUT', 'empty.txt'], ['WG_BINARY_INPUT', 'image.bin'], ['WG_INPUT_TOO_LARGE', 'huge.txt'],
      ['WG_NO_ARTICLE', 'no-article.html'], ['WG_FEED_NOT_XML', 'not-xml.rss'], ['WG_INPUT_NOT_FOUND', 'missing.txt'],
      ['WG_FETCH_FAILED', '127.0.0.1:9'], ['WG_FETCH_FAILED', '/missing'], ['WG_FEED_NOT_XML', '/feed-not-xml'],
    ]) {
      expect(stderr).toMatch(new RegExp(`${codeName} .*${input!.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}`, 'u'));
    }
    expect(lines(stdout)).toHaveLength(1);
  });

  it('refuses inputs over --max-bytes', async () => {
    const { code, stderr } = await runCli(['extract', '--max-bytes', '100', seed]);
    expect(code).toBe(1);
    expect(stderr).toContain('WG_INPUT_TOO_LARGE');
  });

  it('reads a feed from an http URL, one article per item', async () => {
    const { stdout, stderr } = await runCli(['extract', '--allow-private-addresses', `${base}/feed.xml`]);
    const docs = lines(stdout) as Array<{ meta: { headline: string; url: string } }>;
    expect(docs.map((d) => d.meta.headline)).toEqual(['Ministers agree on grain corridor', 'Markets rally & bonds fall']);
    expect(stderr).toContain('WG_FEED_ITEM_EMPTY');
  });

  it('refuses a feed with a DTD (entity expansion)', async () => {
    const { code, stderr } = await runCli(['extract', fixture('feed-dtd.rss')]);
    expect(code).toBe(1);
    expect(stderr).toContain('WG_FEED_DTD');
  });
});

describe('wiregraph ingest, search and show', () => {
  const db = join(tmp, 'store.db');

  it('ingests, and ingesting the same inputs again adds nothing and says so', async () => {
    const first = await runCli(['ingest', '--db', db, join(ROOT, 'data/sample')]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/121 new, 0 already stored, 0 failed/u);
    const again = await runCli(['ingest', '--db', db, join(ROOT, 'data/sample')]);
    expect(again.stdout).toMatch(/0 new, 121 already stored.*nothing added/u);
  });

  it('leaves stored articles untouched when a later batch has bad input', async () => {
    const before = (await runCli(['search', '--db', db, '--json', '--limit', '200', 'the'])).stdout;
    const bad = await runCli(['ingest', '--db', db, fixture('not-xml.rss'), fixture('no-article.html')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/0 new, 0 already stored, 2 failed/u);
    expect((await runCli(['search', '--db', db, '--json', '--limit', '200', 'the'])).stdout).toBe(before);
  });

  it('searches with highlighted snippets and survives FTS syntax in the query', async () => {
    const { stdout } = await runCli(['search', '--db', db, 'Pyongyang']);
    expect(stdout).toContain('North Korea to boost nuclear arsenal');
    expect(stdout).toContain('[Pyongyang]');
    const odd = await runCli(['search', '--db', db, '"Kim (NEAR* AND']);
    expect(odd.code).toBe(0);
  });

  it('shows a stored article by id prefix, and fails clearly for an unknown id', async () => {
    const { stdout } = await runCli(['extract', seed]);
    const id = (lines(stdout)[0] as { id: string }).id;
    const shown = await runCli(['show', '--db', db, id.slice(0, 8)]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ schema: 'wiregraph/1', id });
    const missing = await runCli(['show', '--db', db, 'ffffffffffff']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('WG_NOT_FOUND');
  });
});

it('stores a JSONL record by its content, so the same text under two record ids is stored once', async () => {
  const db = join(tmp, 'ids.db');
  const records = join(tmp, 'dupe-ids.jsonl');
  writeFileSync(records, `${JSON.stringify({ id: 'a', text: 'Same text. Twice.' })}\n${JSON.stringify({ id: 'b', text: 'Same text. Twice.' })}\n`);
  const { stdout } = await runCli(['ingest', '--db', db, records]);
  expect(stdout).toMatch(/1 new, 1 already stored/u);
});

it('says clearly when the port to serve on is taken', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as AddressInfo).port;
  const { code, stderr } = await runCli(['serve', '--db', join(tmp, 'port.db'), '--port', String(port)]);
  blocker.close();
  expect(code).toBe(2);
  expect(stderr).toContain('WG_PORT_IN_USE');
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { storyTexts } from '../store/contract-docs.js';
import { runCli } from '../test-support/cli.js';
import { isService, startPostgres } from '../test-support/services.js';
import { describeLocation, storeLocation } from './store-option.js';

describe('--store and WIREGRAPH_STORE', () => {
  it('reads a postgres URL, a sqlite: URL or a path, --store first, then --db, then the environment', () => {
    expect(storeLocation({ store: 'postgres://wg@db:5432/news' }, {})).toEqual({ kind: 'postgres', url: 'postgres://wg@db:5432/news' });
    expect(storeLocation({ store: 'postgresql://wg@db/news', db: 'x.db' }, {})).toMatchObject({ kind: 'postgres' });
    expect(storeLocation({ store: 'sqlite:./a.db' }, {})).toEqual({ kind: 'sqlite', path: './a.db' });
    expect(storeLocation({ db: 'b.db' }, { WIREGRAPH_STORE: 'postgres://x/y' })).toEqual({ kind: 'sqlite', path: 'b.db' });
    expect(storeLocation({}, { WIREGRAPH_STORE: 'postgres://x/y' })).toEqual({ kind: 'postgres', url: 'postgres://x/y' });
    expect(storeLocation({}, { WIREGRAPH_STORE: '' })).toMatchObject({ kind: 'sqlite' });
    expect(storeLocation({ store: 'C:\\news\\wg.db' }, {})).toEqual({ kind: 'sqlite', path: 'C:\\news\\wg.db' });
  });

  it('refuses a URL of another scheme, without echoing its password', () => {
    expect(() => storeLocation({ store: 'mysql://root:secret@db/news' }, {})).toThrow(expect.objectContaining({ code: 'WG_BAD_OPTION' }));
    expect(() => storeLocation({ store: 'mysql://root:secret@db/news' }, {})).toThrow(expect.not.stringContaining('secret'));
    expect(describeLocation({ kind: 'postgres', url: 'postgres://wg:secret@db/news' })).toBe('postgres://wg:…@db/news');
  });
});

// Note: the CLI runs from dist (npm run build); the PostgreSQL part skips, saying why, where no server can start.
const started = await startPostgres();
const server = isService(started) ? started : null;
if (!server) console.warn(`CLI on PostgreSQL skipped: ${'reason' in started ? started.reason : ''}`);
afterAll(async () => server?.stop());

describe.skipIf(!server)('the CLI on a PostgreSQL store', () => {
  it('ingests, searches, shows and lists stories on PostgreSQL, idempotently', async () => {
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query('CREATE DATABASE wg_cli');
    await admin.end();
    const url = server!.url.replace(/\/postgres$/u, '/wg_cli');
    const t = storyTexts();
    const input = join(mkdtempSync(join(tmpdir(), 'wg-pg-cli-')), 'wire.jsonl');
    writeFileSync(input, [
      JSON.stringify({ text: `${t.original.headline}\n\n${t.original.body}`, headline: t.original.headline, outlet: 'AFP', published: t.original.published, url: 'https://afp.example/strike' }),
      JSON.stringify({ text: `${t.cut.headline}\n\n${t.cut.body}`, headline: t.cut.headline, outlet: 'Daily Star', published: t.cut.published, url: 'https://star.example/strike' }),
    ].join('\n'));
    const first = await runCli(['ingest', '--store', url, input]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 new/u);
    expect((await runCli(['ingest', '--store', url, input])).stdout).toMatch(/2 already stored/u);
    const stories = await runCli(['stories', '--store', url, '--json']);
    const [story] = stories.stdout.trim().split('\n').map((l) => JSON.parse(l) as { copies: Array<{ outlet: string; role: string }> });
    expect(story!.copies.map((c) => [c.outlet, c.role])).toEqual([['AFP', 'original'], ['Daily Star', 'copy']]);
    const search = await runCli(['search', '--json', 'Rotterdam', 'automate'], undefined, undefined, { WIREGRAPH_STORE: url });
    const hit = JSON.parse(search.stdout.trim().split('\n')[0]!) as { id: string; snippet: string };
    expect(hit.snippet).toMatch(/\[(Rotterdam|automate)\]/u);
    const shown = JSON.parse((await runCli(['show', '--store', url, hit.id.slice(0, 8)])).stdout) as { id: string; schema: string };
    expect(shown).toMatchObject({ id: hit.id, schema: 'wiregraph/1' });
  }, 120_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { WiregraphError } from '../errors.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore, BatchOptions } from '../store/store.js';
import { ingest } from './ingest.js';

const records = (lines: ReadonlyArray<Record<string, string>>): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'wg-ingest-')), 'in.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  return file;
};

it('counts new texts, new copies and records already stored, and passes the story thresholds to the store', async () => {
  const store = openSqliteStore(':memory:');
  const seen: BatchOptions[] = [];
  const spy: ArticleStore = { ...store, addBatch: (batch, options = {}) => (seen.push(options), store.addBatch(batch, options)) };
  const text = 'Talks resume\n\nGENEVA (AFP) - Delegates met again on Monday to resume talks on the grain corridor.';
  const input = records([{ text, outlet: 'AFP', url: 'https://afp.example/1' }, { text, outlet: 'BSS' }, { text, outlet: 'AFP', url: 'https://afp.example/1' }, { text: 'Another text entirely. It is short.' }]);
  const result = await ingest([input], spy, { kind: 'jsonl', date: null, maxBytes: 1_000_000, batchSize: 10, story: { copyContainment: 0.8 } });
  expect(result).toMatchObject({ articles: 4, added: 2, copies: 1, skipped: 1, failed: 0 });
  expect(seen).toEqual([{ story: { copyContainment: 0.8 } }]);
  expect(store.copiesOf(store.list({ limit: 10 }).items.find((a) => a.outlet === 'AFP')!.id).map((c) => c.outlet)).toEqual(['AFP', 'BSS']);
  store.close();
});

it('reports a record the store could not keep and goes on with the rest', async () => {
  const store = openSqliteStore(':memory:');
  const failing: ArticleStore = {
    ...store,
    addBatch: (batch) => {
      const result = store.addBatch(batch.slice(1));
      return { ...result, failures: [{ index: 0, error: new WiregraphError('WG_STORE_FAILED', 'broken', { input: batch[0]!.source }) }] };
    },
  };
  const errors: string[] = [];
  const input = records([{ text: 'First text. It fails.' }, { text: 'Second text. It is kept.' }]);
  const result = await ingest([input], failing, { kind: 'jsonl', date: null, maxBytes: 1_000_000, batchSize: 10, onError: (e) => errors.push(e.code) });
  expect(result).toMatchObject({ added: 1, failed: 1 });
  expect(errors).toEqual(['WG_STORE_FAILED']);
  expect(store.count()).toBe(1);
  store.close();
});

it('skips files stored whole before, unread, reads a changed one again, and reads all with reread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-resume-'));
  const files = [0, 1, 2].map((i) => {
    const file = join(dir, `s${i}.txt`);
    writeFileSync(file, `Round ${i}\n\nGENEVA (AFP) - Delegates met for round ${i} of the talks on Monday.`);
    return file;
  });
  const store = openSqliteStore(join(dir, 'resume.db'));
  const read: string[] = [];
  const spy: ArticleStore = { ...store, addBatch: (batch, options) => (read.push(...batch.map((r) => r.source)), store.addBatch(batch, options)) };
  const options = { kind: 'auto', date: null, maxBytes: 1_000_000, batchSize: 2 } as const;
  expect(await ingest([dir], spy, options)).toMatchObject({ articles: 3, added: 3, unread: 0 });
  read.length = 0;
  expect(await ingest([dir], spy, options)).toMatchObject({ articles: 0, added: 0, skipped: 3, unread: 3, inputsDone: 3 });
  expect(read).toEqual([]);
  writeFileSync(files[1]!, 'Round 1, revised\n\nGENEVA (AFP) - Delegates met again for round 1 of the talks on Tuesday.');
  expect(await ingest([dir], spy, options)).toMatchObject({ articles: 1, added: 1, skipped: 2, unread: 2 });
  expect(read).toEqual([files[1]]);
  read.length = 0;
  expect(await ingest([dir], spy, { ...options, reread: true })).toMatchObject({ articles: 3, added: 0, skipped: 3, unread: 0 });
  expect(read).toEqual(files);
  store.close();
});

it('keeps no ledger entry for a file with a record that failed, so a re-run reads it again', async () => {
  const input = records([{ text: 'A good text. It is kept.' }, { nottext: 'x' }]);
  const store = openSqliteStore(':memory:');
  const options = { kind: 'jsonl', date: null, maxBytes: 1_000_000, batchSize: 10 } as const;
  expect(await ingest([input], store, options)).toMatchObject({ added: 1, failed: 1 });
  expect(await ingest([input], store, options)).toMatchObject({ articles: 1, skipped: 1, failed: 1, unread: 0 });
  store.close();
});

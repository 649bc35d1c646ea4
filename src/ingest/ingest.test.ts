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

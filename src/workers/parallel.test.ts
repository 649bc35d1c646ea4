import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractInputs, type Extracted } from '../api/extract.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { DEFAULT_STAGES } from '../pipeline/default.js';
import type { Stage } from '../pipeline/stage.js';
import { extractInParallel } from './parallel.js';

// Note: worker threads run the compiled scripts in dist/ (npm run build), as the CLI tests run the built CLI.
const tmp = mkdtempSync(join(tmpdir(), 'wg-workers-'));
const faulty = new URL('./fixtures/faulty-worker.mjs', import.meta.url);
const options = { kind: 'auto' as const, date: '2025-09-13', maxBytes: 1e7 };

const stories = [
  'President Emmanuel Macron spoke in Paris on Monday. "We will act," he said.',
  'CRASH-THE-WORKER: officials in Berlin met on Tuesday.',
  'Chancellor Olaf Scholz visited Warsaw on Wednesday, officials said.',
  'THROW-IN-THE-WORKER: delegates in Geneva talked on Thursday.',
  'Prime Minister Keir Starmer met Joe Biden in Washington on Friday.',
];

async function collect(results: AsyncIterable<Extracted>): Promise<Extracted[]> {
  const out: Extracted[] = [];
  for await (const result of results) out.push(result);
  return out;
}

const summary = (r: Extracted): string => (r.ok ? `ok ${r.doc.entities.map((e) => e.name).join('|')}` : `error ${r.error.code}`);

describe('extraction in worker threads', () => {
  it('answers an article whose worker crashed or threw with its error, in its place, and the rest go on', async () => {
    const path = join(tmp, 'faulty.jsonl');
    const lines = stories.map((text, i) => JSON.stringify({ id: `s${i}`, text }));
    lines.splice(3, 0, '{"id": "broken", "text": ');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const results = await collect(extractInParallel([path], { ...options, workers: 2, script: faulty }));
    expect(results.map((r) => (r.ok ? r.doc.id : r.inputId))).toEqual(['s0', 's1', 's2', null, 's3', 's4']);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'WG_WORKER_FAILED', 'ok', 'WG_JSONL_BAD_LINE', 'WG_WORKER_FAILED', 'ok']);
    expect(results.map((r) => r.ok ? undefined : r.line)).toEqual([undefined, 2, undefined, 4, 5, undefined]);
    const inProcess = await collect(extractInputs([path], options));
    const kept = (list: Extracted[]): string[] => list.filter((_, i) => results[i]!.ok).map(summary);
    expect(kept(results)).toEqual(kept(inProcess));
    expect(kept(results)[0]).toContain('Emmanuel Macron');
  }, 120_000);

  it('gives the same documents, in the same order, as the main thread', async () => {
    const path = join(tmp, 'many.jsonl');
    const texts = Array.from({ length: 24 }, (_, i) => `${stories[(i * 2) % 5]!.replace(/^[A-Z-]+: /u, '')} Story ${i} ends here.`);
    writeFileSync(path, texts.map((text, i) => JSON.stringify({ id: `m${i}`, text })).join('\n'));
    const parallel = await collect(extractInputs([path], { ...options, workers: 3 }));
    const inProcess = await collect(extractInputs([path], options));
    expect(parallel.map((r) => r.ok && r.doc.id)).toEqual(texts.map((_, i) => `m${i}`));
    expect(JSON.stringify(parallel.map((r) => r.ok && r.doc))).toBe(JSON.stringify(inProcess.map((r) => r.ok && r.doc)));
  }, 120_000);
});

describe('a worker deadline', () => {
  it('stops a worker that hangs on an article: that article is WG_ARTICLE_DEADLINE in its place, the batch goes on', async () => {
    const path = join(tmp, 'hang.jsonl');
    const texts = [stories[0]!, 'HANG-THE-WORKER: talks in Oslo went on all night.', stories[2]!, stories[4]!];
    writeFileSync(path, texts.map((text, i) => JSON.stringify({ id: `h${i}`, text })).join('\n'));
    const started = performance.now();
    const results = await collect(extractInParallel([path], { ...options, workers: 1, script: faulty, articleDeadlineMs: 1500 }));
    expect(results.map((r) => (r.ok ? r.doc.id : `${r.inputId} ${r.error.code}`))).toEqual(['h0', 'h1 WG_ARTICLE_DEADLINE', 'h2', 'h3']);
    expect(results[3]!.ok && results[3]!.doc.entities.map((e) => e.name)).toContain('Keir Starmer');
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('a stage that throws, in the main thread', () => {
  it('becomes that article\'s WG_STAGE_FAILED error, and the next article is extracted', async () => {
    const fragile: Stage = { name: 'fragile', requires: ['sentences'], assigns: [], run: (article) => {
      if (article.text.includes('Berlin')) throw new Error('cannot cope with Berlin');
      return { layers: {} };
    } };
    const path = join(tmp, 'fragile.jsonl');
    writeFileSync(path, stories.slice(0, 3).map((text, i) => JSON.stringify({ id: `f${i}`, text })).join('\n'));
    const results = await collect(extractInputs([path], { ...options, pipeline: createPipeline([DEFAULT_STAGES[0]!, fragile]) }));
    expect(results.map((r) => (r.ok ? 'ok' : `${r.error.code} ${r.error.message}`))).toEqual(['ok', 'WG_STAGE_FAILED cannot cope with Berlin', 'ok']);
  });
});

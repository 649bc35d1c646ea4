import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/pipeline.js';
import { selectStages } from '../pipeline/default.js';
import { extractInputs, type Extracted } from './extract.js';

const tmp = mkdtempSync(join(tmpdir(), 'wg-extract-'));
const run = async (path: string, stages?: string[]): Promise<Extracted[]> => {
  const out: Extracted[] = [];
  const options = { kind: 'auto' as const, date: null, maxBytes: 1e7, ...(stages ? { pipeline: createPipeline(selectStages(stages)) } : {}) };
  for await (const result of extractInputs([path], options)) out.push(result);
  return out;
};

describe('extractInputs on JSONL, end to end', () => {
  it('keeps every span right after a lone surrogate and after removed bidi controls', async () => {
    const path = join(tmp, 'spans.jsonl');
    writeFileSync(path, [
      '{"id":"s","text":"A bad \\ud800 unit came first. President Emmanuel Macron spoke in Paris on Monday."}',
      JSON.stringify({ id: 'b', text: 'A \u202Ehidden\u202C override came first. President Emmanuel Macron spoke in Paris on Monday.' }),
    ].join('\n'));
    const results = await run(path);
    for (const result of results) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const { text, entities } = result.doc;
      expect(text.match(/\uFFFD/gu)?.length ?? 0).toBeLessThanOrEqual(1);
      const paris = entities.find((e) => e.name === 'Paris');
      expect(paris).toBeDefined();
      for (const m of paris!.mentions) expect(text.slice(m.start, m.end)).toBe('Paris');
    }
    expect(results[0]!.ok && results[0]!.doc.text).toContain('bad \uFFFD unit');
    expect(results[1]!.ok && results[1]!.doc.messages.filter((m) => (m as { rule: string }).rule === 'control-removed').length).toBe(2);
  });

  it('runs only the chosen stages and those they need', async () => {
    const path = join(tmp, 'one.jsonl');
    writeFileSync(path, JSON.stringify({ id: 'x', text: 'President Emmanuel Macron spoke in Paris on Monday.' }));
    const [segmented] = await run(path, ['segment']);
    expect(segmented!.ok && [segmented!.doc.sentences.length, segmented!.doc.entities.length]).toEqual([1, 0]);
    const [read] = await run(path, ['none']);
    expect(read!.ok && [read!.doc.text, read!.doc.sentences.length]).toEqual(['President Emmanuel Macron spoke in Paris on Monday.', 0]);
    expect(selectStages(['quotes']).map((s) => s.name)).toEqual(['segment', 'entities', 'syntax', 'time', 'quotes']);
    expect(() => selectStages(['sentiment'])).toThrow(/no such stage/u);
  });
});

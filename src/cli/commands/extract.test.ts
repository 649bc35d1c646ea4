import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'wg-cli-extract-'));
const lines = (s: string): Array<{ id: string | null; error?: { code: string }; sentences?: unknown[]; entities?: unknown[] }> => s.trim().split('\n').map((l) => JSON.parse(l));

describe('wiregraph extract on a JSONL stream', () => {
  it('prints a broken line and an over-cap record as error objects in their places, goes on, and exits 1', async () => {
    const path = join(tmp, 'news.jsonl');
    writeFileSync(path, [
      JSON.stringify({ id: 'a', text: 'The strike ended on Monday.\u2028Dockers went back to work.' }),
      '{"id":"b","text":"Unterminated',
      JSON.stringify({ id: 'big', text: 'z'.repeat(2000) }),
      JSON.stringify({ id: 'd', text: 'Talks resume today.' }),
    ].join('\n'));
    const { code, stdout, stderr } = await runCli(['extract', '--max-bytes', '1000', '--stages', 'segment', path]);
    expect(code).toBe(1);
    const out = lines(stdout);
    expect(out.map((o) => [o.id, o.error?.code ?? null])).toEqual([['a', null], [null, 'WG_JSONL_BAD_LINE'], ['big', 'WG_INPUT_TOO_LARGE'], ['d', null]]);
    expect(out[0]!.sentences?.length).toBe(2);
    expect(out[0]!.entities).toEqual([]);
    expect(stderr).toContain('news.jsonl:2');
  });

  it('refuses an unknown stage as a usage error', async () => {
    const { code, stderr } = await runCli(['extract', '--stages', 'segment,sentiment'], 'Text.');
    expect(code).toBe(2);
    expect(stderr).toContain('WG_BAD_OPTION');
  });
});

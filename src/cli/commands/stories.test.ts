import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storyTexts, type StoryText } from '../../store/contract-docs.js';
import { runCli } from '../../test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'wg-stories-'));
const db = join(tmp, 'stories.db');
const t = storyTexts();
const record = (s: StoryText, outlet: string, url: string | null, published = s.published): string =>
  JSON.stringify({ text: `${s.headline}\n\n${s.body}`, headline: s.headline, outlet, published, ...(url === null ? {} : { url }) });

interface StoryLine {
  id: number;
  originator: string | null;
  first: string;
  copies: Array<{ article: string; outlet: string; url: string | null; published: string; headline: string; role: string }>;
  related: number[];
}

describe('wiregraph stories', () => {
  let ingested: string;
  beforeAll(async () => {
    const input = join(tmp, 'wire.jsonl');
    writeFileSync(input, [
      record(t.original, 'AFP', 'https://afp.example/strike'),
      record(t.original, 'BSS', null, '2025-03-03T08:45'),
      record(t.cut, 'Daily Star', 'https://star.example/strike'),
      record(t.different, 'Reuters', 'https://reuters.example/hamburg'),
      record(t.original, 'AFP', 'https://afp.example/strike'),
    ].join('\n'));
    const result = await runCli(['ingest', '--db', db, input]);
    expect(result.code).toBe(0);
    ingested = result.stdout;
  }, 60_000);

  it('says what ingest added: new texts, copies of stored ones, records already stored', () => {
    expect(ingested).toMatch(/3 new, 1 already stored, 0 failed, 1 new copies of stored texts/u);
  });

  it('prints one JSON object per story with its copies in time order, only stories of two or more copies', async () => {
    const { code, stdout } = await runCli(['stories', '--db', db, '--json']);
    expect(code).toBe(0);
    const stories = stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryLine);
    expect(stories).toHaveLength(1);
    const [story] = stories as [StoryLine];
    expect(Object.keys(story)).toEqual(['id', 'originator', 'first', 'copies', 'related']);
    expect(story.originator).toBe('AFP');
    // Note: the Reuters story on Hamburg's dock workers is about the same dispute: related, listed by id.
    expect(story.related).toHaveLength(1);
    expect(story.related[0]).not.toBe(story.id);
    expect(story.copies.map((c) => Object.keys(c))).toEqual(Array(3).fill(['article', 'outlet', 'url', 'published', 'headline', 'role']));
    expect(story.copies.map((c) => [c.outlet, c.role, c.published])).toEqual([
      ['AFP', 'original', '2025-03-03T08:00'],
      ['BSS', 'copy', '2025-03-03T08:45'],
      ['Daily Star', 'copy', '2025-03-03T09:30'],
    ]);
    expect(story.first).toBe(story.copies[0]!.article);
    expect(story.copies[1]!.article).toBe(story.first);
    expect(story.copies[2]!.article).not.toBe(story.first);
  });

  it('lists every story with --all, biggest first, and reads well without --json', async () => {
    const all = (await runCli(['stories', '--db', db, '--json', '--all'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryLine);
    expect(all.map((s) => s.copies.length)).toEqual([3, 1]);
    expect(all[1]!.copies[0]!.outlet).toBe('Reuters');
    expect(all.map((s) => s.related)).toEqual([[all[1]!.id], [all[0]!.id]]);
    const { stdout } = await runCli(['stories', '--db', db]);
    expect(stdout).toMatch(/^story \d+: 3 copies of 2 texts, originated by AFP\n/u);
    expect(stdout).toMatch(/\n {2}2025-03-03T09:30 {2}copy {6}Daily Star {2}[0-9a-f]{16} {2}Port strike halts Rotterdam {2}https:\/\/star\.example\/strike/u);
    expect(stdout).toContain(`\n  related: story ${all[1]!.id} (Reuters, `);
  });

  it('refuses a copy threshold outside (0, 1]', async () => {
    const { code, stderr } = await runCli(['ingest', '--db', db, '--copy-threshold', '1.5', join(tmp, 'wire.jsonl')]);
    expect(code).not.toBe(0);
    expect(stderr).toContain('share between 0 and 1');
  });
});

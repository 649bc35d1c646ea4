import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';
import { forTerminal, jsonForTerminal } from './terminal.js';

// Note: any control a terminal could act on, but tab and newline.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

describe('forTerminal and jsonForTerminal', () => {
  it('shows controls as pictures or U+FFFD and keeps the rest', () => {
    expect(forTerminal('a\u001b[2Jb\u009b31mc\u202Ed\te\nf\u007f')).toBe('a\u241b[2Jb\uFFFD31mc\uFFFDd\te\nf\u2421');
  });

  it('escapes C1 and bidi controls in JSON without changing the value', () => {
    const value = { text: 'x\u009b2J\u202Ey\u001b' };
    const json = jsonForTerminal(JSON.stringify(value));
    expect(CONTROL.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
  });
});

it('search, show and stories never write control sequences from article text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-term-'));
  const db = join(dir, 'w.db');
  const text = 'Ceasefire talks\u009b2J resume\n\nGENEVA (AFP) - Delegates \u009b31mmet\u202E on Monday for ceasefire talks, officials said.';
  writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ text, headline: 'Ceasefire \u009b2J talks', url: 'https://e.org/1' })}\n`);
  expect((await runCli(['ingest', '--db', db, join(dir, 'a.jsonl')])).code).toBe(0);
  const search = await runCli(['search', '--db', db, 'ceasefire']);
  expect(search.stdout).toMatch(/ceasefire/iu);
  const json = await runCli(['search', '--db', db, '--json', 'ceasefire']);
  const id = (JSON.parse(json.stdout.split('\n')[0]!) as { id: string }).id;
  const show = await runCli(['show', '--db', db, id]);
  const stories = await runCli(['stories', '--db', db, '--all']);
  for (const out of [search.stdout, json.stdout, show.stdout, stories.stdout]) expect(CONTROL.test(out), out).toBe(false);
  expect(JSON.parse(show.stdout).text).toContain('\u009b31mmet');
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SMALL_INPUT_BYTES, workersFor, workersOption } from './options.js';

/** A command with `--workers` parsed from `args`, as the CLI parses it. */
function parsed(args: string[]): { command: Command; workers: number } {
  const command = new Command().exitOverride().addOption(workersOption()).argument('[inputs...]').action(() => undefined);
  command.parse(args, { from: 'user' });
  return { command, workers: command.opts<{ workers: number }>().workers };
}

describe('how many workers a run uses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wg-workers-'));
  const small = join(dir, 'one.txt');
  const large = join(dir, 'many.jsonl');
  writeFileSync(small, 'Kim met Putin in Moscow on Tuesday.\n');
  writeFileSync(large, `${'{"text":"Kim met Putin."}\n'.repeat(Math.ceil((SMALL_INPUT_BYTES + 1) / 26))}`);

  it('runs one small file in the main thread when --workers is left at its default', () => {
    const { command, workers } = parsed([small]);
    expect(workersFor(command, Math.max(workers, 2), [small], {})).toBe(1);
  });

  it('keeps the default for a large file, several inputs, a folder or standard input', () => {
    const { command } = parsed([large]);
    expect(workersFor(command, 2, [large], {})).toBe(2);
    expect(workersFor(command, 2, [small, small], {})).toBe(2);
    expect(workersFor(command, 2, [dir], {})).toBe(2);
    expect(workersFor(command, 2, ['-'], {})).toBe(2);
  });

  it('does what --workers or WIREGRAPH_WORKERS says', () => {
    const { command, workers } = parsed(['--workers', '2', small]);
    expect(workersFor(command, workers, [small], {})).toBe(2);
    const byDefault = parsed([small]);
    expect(workersFor(byDefault.command, 2, [small], { WIREGRAPH_WORKERS: '2' })).toBe(2);
  });
});

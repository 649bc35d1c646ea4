/**
 * The cold start: a one-article `wiregraph extract` as a fresh process (Node's start, loading the modules,
 * the knowledge base and the models, every stage, the JSON out) beside compromise's cold start on the same
 * article (loading the package, its people, places and organisations), the two alternated, median of 7.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));
const ROUNDS = 7;

// Note: the peer's script is written beside this compiled file (under dist/), so that `import('compromise')` resolves from node_modules.
const COMPROMISE = `import { readFileSync } from 'node:fs';
const nlp = (await import('compromise')).default;
const doc = nlp(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(String(doc.people().length + doc.places().length + doc.organizations().length));
`;

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${String(run.stderr).slice(-300)}`);
  return (performance.now() - started) / 1000;
}

/**
 * Times both cold starts on one article's text and formats the lines.
 * @param text - the article (plain text)
 */
export function benchColdStart(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-cold-'));
  const article = join(dir, 'article.txt');
  writeFileSync(article, text);
  const peer = fileURLToPath(new URL('./cold-start-compromise.mjs', import.meta.url));
  writeFileSync(peer, COMPROMISE);
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(seconds([BIN, 'extract', article]));
      theirs.push(seconds([peer, article]));
    }
  } finally {
    rmSync(peer, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [a, b] = [median(ours), median(theirs)];
  return [
    '',
    `cold start, one article (${text.length} characters) in a fresh process, alternated, median of ${ROUNDS}:`,
    `  wiregraph extract (every stage, wiregraph/1 JSON)   ${a.toFixed(2)} s`,
    `  compromise (load, people + places + organizations)  ${b.toFixed(2)} s`,
    `ratio  wiregraph cold start / compromise's: ${(a / b).toFixed(2)} (goal: at most 1.5)`,
  ];
}

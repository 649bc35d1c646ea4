/**
 * `node dist/scripts/build-syndication.js [OUT.jsonl] [--tune]`: writes the syndication development set
 * (eval/syndication.ts) as JSONL, one article a line with its gold (story, role, originator), and with
 * `--tune` prints the threshold grid on the tuning half, best first (the defaults in src/stories/options.ts
 * come from it; the test half is never used for tuning).
 */
import { writeFileSync } from 'node:fs';
import { sharedPath } from '../eval/shared.js';
import { tuneStoryOptions } from '../eval/stories.js';
import { syndicationSet } from '../eval/syndication.js';

const bbc = sharedPath('data', 'news', 'bbc');
if (!bbc) {
  process.stderr.write('../shared/data/news/bbc is absent: no syndication set can be built\n');
  process.exit(1);
}
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? 'syndication.jsonl';
const set = syndicationSet(bbc);
const lines = [...set.tune.articles.map((a) => ({ half: 'tune', ...a })), ...set.test.articles.map((a) => ({ half: 'test', ...a }))];
writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
process.stdout.write(`${out}: ${lines.length} articles (tune ${set.tune.articles.length}, test ${set.test.articles.length}), twins ${set.tune.twins.length} + ${set.test.twins.length}\n`);
if (args.includes('--tune')) {
  for (const { options, scores } of tuneStoryOptions(set.tune).slice(0, 25)) {
    process.stdout.write(`${JSON.stringify(options)} P ${scores.precision.toFixed(4)} R ${scores.recall.toFixed(4)} F1 ${scores.f1.toFixed(4)} twins merged ${scores.twinMerges}/${scores.twins} digests merged ${scores.digestMerges} lookup ${scores.lookupRecall.toFixed(4)} cand ${scores.meanCandidates.toFixed(1)}\n`);
  }
}

/**
 * Per-rule counts of the time stage on a TimeML folder (default TBAQ): how many of each rule's timexes have
 * the right value, a wrong one, or no gold at all, with the words each rule matched most often in each case:
 * `node dist/scripts/time-rules.js [folder] [rule]`.
 */
import { join } from 'node:path';
import { readTimemlFolder, systemTimexes } from '../eval/timeml.js';

const folder = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : join('..', 'shared', 'data', 'timeml', 'TBAQ-cleaned');
const only = process.argv[3];
const counts = new Map<string, { right: number; wrong: number; spurious: number; words: Map<string, [number, number, number]> }>();
for (const doc of readTimemlFolder(folder)) {
  const used = new Set<number>();
  for (const s of systemTimexes(doc) as ReadonlyArray<{ start: number; end: number; value: string; text: string; rule?: string }>) {
    const exact = doc.timexes.findIndex((g, i) => !used.has(i) && g.start === s.start && g.end === s.end);
    const i = exact >= 0 ? exact : doc.timexes.findIndex((g, k) => !used.has(k) && g.start < s.end && s.start < g.end);
    const rule = s.rule ?? '?';
    const c = counts.get(rule) ?? { right: 0, wrong: 0, spurious: 0, words: new Map() };
    counts.set(rule, c);
    const w = c.words.get(s.text.toLowerCase()) ?? [0, 0, 0];
    c.words.set(s.text.toLowerCase(), w);
    if (i < 0) { c.spurious++; w[2]++; continue; }
    used.add(i);
    if (doc.timexes[i]!.value === s.value) { c.right++; w[0]++; } else { c.wrong++; w[1]++; }
  }
}
for (const [rule, c] of [...counts].sort((a, b) => b[1].right + b[1].wrong + b[1].spurious - (a[1].right + a[1].wrong + a[1].spurious))) {
  if (only && rule !== only) continue;
  console.log(`${rule}: right ${c.right} wrong ${c.wrong} spurious ${c.spurious}`);
  if (only) for (const [w, [r, x, s]] of [...c.words].sort((a, b) => b[1][0] + b[1][1] + b[1][2] - (a[1][0] + a[1][1] + a[1][2])).slice(0, 60)) console.log(`  ${w}: ${r}/${x}/${s}`);
}

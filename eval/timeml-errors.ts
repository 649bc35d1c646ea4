/**
 * Lists the time stage's errors on a TimeML folder by kind, for development on TBAQ:
 * `node dist/eval/timeml-errors.js [folder] [--kind value|missed|spurious|span] [--limit N]`.
 * Kinds: `missed` (gold with no overlapping system timex), `spurious` (system timex with no gold),
 * `span` (overlap but not the exact span), `value` (matched, wrong value). Each line gives the gold and the
 * system text, value and rule, and the rules are counted per kind, so the biggest classes show first.
 */
import { join } from 'node:path';
import { readTimemlFolder, systemTimexes, type TimemlDoc } from './timeml.js';

/** One error: its kind, the document, and the gold and system sides where they exist. */
export interface TimexError {
  readonly kind: 'missed' | 'spurious' | 'span' | 'value';
  readonly doc: string;
  readonly dct: string;
  readonly gold: string;
  readonly found: string;
  readonly rule: string;
  readonly context: string;
}

const show = (doc: TimemlDoc, t: { start: number; end: number; value: string; type: string } | undefined): string =>
  t ? `"${doc.text.slice(t.start, t.end)}" ${t.type} ${t.value}` : '-';

/** The errors of one document, matched as TempEval-3 matches (exact span first, then overlap). */
export function documentErrors(doc: TimemlDoc): TimexError[] {
  const found = systemTimexes(doc) as ReadonlyArray<{ start: number; end: number; type: string; value: string; rule?: string }>;
  const used = new Set<number>();
  const out: TimexError[] = [];
  const context = (start: number, end: number): string => doc.text.slice(Math.max(0, start - 50), end + 30).replace(/\s+/gu, ' ');
  for (const s of found) {
    const exact = doc.timexes.findIndex((g, i) => !used.has(i) && g.start === s.start && g.end === s.end);
    const i = exact >= 0 ? exact : doc.timexes.findIndex((g, k) => !used.has(k) && g.start < s.end && s.start < g.end);
    const base = { doc: doc.name, dct: doc.dct, found: show(doc, s), rule: s.rule ?? '?', context: context(s.start, s.end) };
    if (i < 0) {
      out.push({ ...base, kind: 'spurious', gold: '-' });
      continue;
    }
    used.add(i);
    const g = doc.timexes[i]!;
    if (exact < 0) out.push({ ...base, kind: 'span', gold: show(doc, g) });
    if (g.value !== s.value) out.push({ ...base, kind: 'value', gold: show(doc, g) });
  }
  doc.timexes.forEach((g, i) => {
    if (!used.has(i)) out.push({ kind: 'missed', doc: doc.name, dct: doc.dct, gold: show(doc, g), found: '-', rule: '-', context: context(g.start, g.end) });
  });
  return out;
}

function main(argv: readonly string[]): void {
  const flagged = new Set(['--kind', '--limit'].map((f) => argv.indexOf(f) + 1));
  const folder = argv.find((a, i) => !a.startsWith('--') && !flagged.has(i)) ?? join('..', 'shared', 'data', 'timeml', 'TBAQ-cleaned');
  const kind = argv[argv.indexOf('--kind') + 1];
  const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : 40;
  const errors = readTimemlFolder(folder).flatMap(documentErrors);
  for (const k of ['missed', 'spurious', 'span', 'value'] as const) {
    const ofKind = errors.filter((e) => e.kind === k);
    const byRule = new Map<string, number>();
    for (const e of ofKind) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1);
    console.log(`${k}: ${ofKind.length}  ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  if (!argv.includes('--kind')) return;
  for (const e of errors.filter((x) => x.kind === kind).slice(0, limit)) console.log(`${e.doc} ${e.dct} [${e.rule}] gold ${e.gold} | ours ${e.found} | ${e.context}`);
}

if (process.argv[1]?.endsWith('timeml-errors.js')) main(process.argv.slice(2));

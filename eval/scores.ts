/** Precision, recall and F1 from counts. */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly system: number;
  readonly correct: number;
}

/** Computes precision, recall and F1. */
export function prf(correct: number, system: number, gold: number): Prf {
  const precision = system === 0 ? 0 : correct / system;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, system, correct };
}

/** One line of the evaluation table. */
export interface Row {
  readonly layer: string;
  readonly corpus: string;
  readonly metric: string;
  readonly p?: number;
  readonly r?: number;
  readonly f1?: number;
  readonly accuracy?: number;
  readonly n: number;
  readonly note?: string;
}

/** Formats rows as an aligned text table. */
export function formatTable(rows: readonly Row[]): string {
  const num = (v: number | undefined): string => (v === undefined ? '' : v.toFixed(3));
  const cells = [
    ['layer', 'corpus', 'metric', 'P', 'R', 'F1', 'acc', 'n', 'note'],
    ...rows.map((r) => [r.layer, r.corpus, r.metric, num(r.p), num(r.r), num(r.f1), num(r.accuracy), String(r.n), r.note ?? '']),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

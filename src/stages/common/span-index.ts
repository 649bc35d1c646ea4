import type { Span } from '../../article/span.js';

/**
 * Spans sorted by start, for the questions that a scan over every span answered before: is a span inside
 * (or overlapping) any of them, which ones lie within a range, which comes first in the original order.
 * Each answer is the scan's own, in the original order where order matters; building costs n log n and
 * each question log n plus what it returns, so a long article no longer costs a scan per token or mention.
 */
export class SpanIndex<T extends Span> {
  /** Positions in the original list, sorted by start (ties in original order). */
  private readonly order: Int32Array;
  private readonly starts: Float64Array;
  /** The largest end among the first k+1 spans of {@link order}. */
  private readonly maxEnd: Float64Array;

  /** @param items - the spans, in the order whose first or last a question asks for */
  constructor(readonly items: readonly T[]) {
    this.order = Int32Array.from(items.keys()).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
    this.starts = Float64Array.from(this.order, (k) => items[k]!.start);
    this.maxEnd = new Float64Array(items.length);
    let most = -Infinity;
    this.order.forEach((k, i) => (this.maxEnd[i] = most = Math.max(most, items[k]!.end)));
  }

  /** The number of sorted spans whose start is below `offset` (or at most `offset` when `inclusive`). */
  private countStartingBefore(offset: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset || (inclusive && this.starts[mid] === offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when some span holds `span` whole (`s.start <= span.start && span.end <= s.end`). */
  containsSpan(span: Span): boolean {
    const n = this.countStartingBefore(span.start, true);
    return n > 0 && this.maxEnd[n - 1]! >= span.end;
  }

  /** True when some span shares a code unit with `span` (as {@link overlaps} from `article/span`). */
  overlapsSpan(span: Span): boolean {
    const n = this.countStartingBefore(span.end, false);
    return n > 0 && this.maxEnd[n - 1]! > span.start;
  }

  /** The spans with `from <= start` and `end <= to`, in the original order. */
  within(from: number, to: number): T[] {
    const found: number[] = [];
    for (let i = this.countStartingBefore(from, false); i < this.order.length && this.starts[i]! <= to; i++) {
      const k = this.order[i]!;
      if (this.items[k]!.end <= to) found.push(k);
    }
    return found.sort((a, b) => a - b).map((k) => this.items[k]!);
  }

  /** The spans starting in `[from, to]` (both included), in the original order. */
  startingIn(from: number, to: number): T[] {
    const found: number[] = [];
    for (let i = this.countStartingBefore(from, false); i < this.order.length && this.starts[i]! <= to; i++) found.push(this.order[i]!);
    return found.sort((a, b) => a - b).map((k) => this.items[k]!);
  }

  /** The first span, in the original order, that holds `span` whole, or undefined. */
  firstContaining(span: Span): T | undefined {
    let best = -1;
    // Note: walking back from the last span starting at or before `span`, the running maximum of ends says
    // when no earlier span can reach `span.end`; for spans that rarely nest this looks at one or two.
    for (let i = this.countStartingBefore(span.start, true) - 1; i >= 0 && this.maxEnd[i]! >= span.end; i--) {
      const k = this.order[i]!;
      if (this.items[k]!.end >= span.end && (best < 0 || k < best)) best = k;
    }
    return best < 0 ? undefined : this.items[best];
  }
}

/**
 * For a list of spans, a function giving the last span in the list's order with `end <= offset`: what
 * `list.filter((s) => s.end <= offset).at(-1)` gives, in log n per question.
 */
export function lastEndingBy<T extends Span>(list: readonly T[]): (offset: number) => T | undefined {
  const byEnd = Int32Array.from(list.keys()).sort((a, b) => list[a]!.end - list[b]!.end);
  const ends = Float64Array.from(byEnd, (k) => list[k]!.end);
  // Note: latest[i] is the largest list position among the i+1 spans ending first.
  const latest = new Int32Array(list.length);
  let most = -1;
  byEnd.forEach((k, i) => (latest[i] = most = Math.max(most, k)));
  return (offset) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : list[latest[lo - 1]!];
  };
}

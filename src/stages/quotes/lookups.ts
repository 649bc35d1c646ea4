import type { Quotation, Timex } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import { SpanIndex } from '../common/span-index.js';

/** Lists by key, each in the order items were added. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The closed quotations of an article, indexed for the recognisers' questions. Each answer is what a scan
 * over the quotations in layer order would give, in log n plus the quotations near the offsets asked about.
 */
export class QuotationIndex {
  private readonly spans: SpanIndex<Quotation>;
  private readonly byStart: Map<number, Quotation[]>;
  /** Positions in the layer, sorted by end (ties in layer order). */
  private readonly byEnd: Int32Array;
  private readonly ends: Float64Array;

  constructor(readonly items: readonly Quotation[]) {
    this.spans = new SpanIndex(items);
    this.byStart = groupBy(items, (q) => q.start);
    this.byEnd = Int32Array.from(items.keys()).sort((a, b) => items[a]!.end - items[b]!.end || a - b);
    this.ends = Float64Array.from(this.byEnd, (k) => items[k]!.end);
  }

  /** True when some quotation holds the offset strictly inside (`q.start < offset < q.end`). */
  holdsOffset(offset: number): boolean {
    // Note: a span of no width at the offset overlaps exactly the quotations that start before it and end after it.
    return this.spans.overlapsSpan({ start: offset, end: offset });
  }

  /** True when some quotation holds the span strictly inside (`q.start < span.start`, `span.end < q.end`). */
  holdsStrictly(span: Span): boolean {
    // Note: offsets are whole numbers, so `q.start < start` is `q.start <= start - 1`, and likewise for the end.
    return this.spans.containsSpan({ start: span.start - 1, end: span.end + 1 });
  }

  /** True when some quotation lies whole within the span. */
  anyWithin(span: Span): boolean {
    return this.spans.within(span.start, span.end).length > 0;
  }

  /** The quotations starting at an offset, in layer order. */
  startingAt(offset: number): readonly Quotation[] {
    return this.byStart.get(offset) ?? [];
  }

  /**
   * The first (or last) quotation in layer order whose end lies in `[from, to]`: what
   * `items.find(...)` (or `items.filter(...).at(-1)`) gives for a condition that holds for exactly those ends.
   */
  endingIn(from: number, to: number, which: 'first' | 'last'): Quotation | undefined {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    for (let i = lo; i < this.ends.length && this.ends[i]! <= to; i++) {
      const k = this.byEnd[i]!;
      if (best < 0 || (which === 'first' ? k < best : k > best)) best = k;
    }
    return best < 0 ? undefined : this.items[best];
  }
}

/** An article's timexes, indexed by start; each answer is the first in layer order, as `timexes.find` gives. */
export class TimexIndex {
  private readonly all: SpanIndex<Timex>;
  private readonly dates: SpanIndex<Timex>;
  private readonly byStart: Map<number, Timex[]>;

  constructor(timexes: readonly Timex[]) {
    this.all = new SpanIndex(timexes);
    this.dates = new SpanIndex(timexes.filter((t) => t.type === 'DATE'));
    this.byStart = groupBy(timexes, (t) => t.start);
  }

  /** The first timex starting at an offset. */
  at(offset: number | undefined): Timex | undefined {
    return offset === undefined ? undefined : this.byStart.get(offset)?.[0];
  }

  /** The first timex starting in `[from, to]`. */
  firstStartingIn(from: number, to: number): Timex | undefined {
    return this.all.startingIn(from, to)[0];
  }

  /** The first DATE timex starting in `[from, to]`. */
  firstDateStartingIn(from: number, to: number): Timex | undefined {
    return this.dates.startingIn(from, to)[0];
  }
}

/**
 * Where a run of characters matching `char` (one code unit each) that ends at `offset` begins: the smallest
 * `s` with every character of `text.slice(s, offset)` matching.
 */
export function runStart(text: string, offset: number, char: RegExp): number {
  let s = offset;
  while (s > 0 && char.test(text[s - 1]!)) s--;
  return s;
}

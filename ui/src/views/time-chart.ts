import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { useWidth } from '../hooks.js';

/** One series of a chart: its name in the legend and the class that colours it. */
export interface Series {
  readonly label: string;
  readonly className: string;
}

/** The values of one period (`YYYY-MM` on a month axis, `YYYY` on a year axis), one per series. */
export interface TimePoint {
  readonly period: string;
  readonly values: readonly number[];
}

/** Months an axis spans at most before it is drawn by year. */
export const MAX_MONTHS = 60;

const HEIGHT = 210;
const MARGIN = { left: 44, right: 14, top: 14, bottom: 34 };

/** A period's place on its axis: months since year 0, or the year. */
const indexOf = (period: string, granularity: 'month' | 'year'): number => (granularity === 'year' ? Number(period.slice(0, 4)) : Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1);
const periodAt = (index: number, granularity: 'month' | 'year'): string => (granularity === 'year' ? String(index) : `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);

/** The least round number (1, 2 or 5 times a power of ten) at or above `n`. */
function roundUp(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= n)!;
}

/**
 * Months by year when they span more than {@link MAX_MONTHS}, so that a chart of twenty years is not 240 slivers.
 * @returns the points and their granularity
 */
export function byMonthOrYear(points: readonly TimePoint[]): { points: TimePoint[]; granularity: 'month' | 'year' } {
  const months = points.map((p) => indexOf(p.period, 'month'));
  if (points.length === 0 || Math.max(...months) - Math.min(...months) < MAX_MONTHS) return { points: [...points], granularity: 'month' };
  const years = new Map<string, number[]>();
  for (const p of points) {
    const sum = years.get(p.period.slice(0, 4)) ?? p.values.map(() => 0);
    years.set(p.period.slice(0, 4), sum.map((v, i) => v + (p.values[i] ?? 0)));
  }
  return { points: [...years].map(([period, values]) => ({ period, values })), granularity: 'year' };
}

/** The ticks of the time axis: at most one a 64 pixels, on round steps (a month, a quarter, a year, a decade). */
function timeTicks(first: number, last: number, slot: number, granularity: 'month' | 'year'): number[] {
  const steps = granularity === 'month' ? [1, 2, 3, 6, 12, 24, 60, 120] : [1, 2, 5, 10, 20, 50];
  const step = steps.find((s) => s * slot >= 64) ?? steps.at(-1)!;
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) if (i % step === 0) ticks.push(i);
  return ticks.length > 0 ? ticks : [first];
}

/**
 * A bar chart on a real time axis: every period from the first to the last has its slot, so gaps show; values on
 * a labelled axis; a legend; drawn at the container's width (one unit a pixel, so labels keep their 12 px). Each
 * bar is focusable: its figures show below the chart on focus, hover or tap, for keyboard and touch alike.
 */
export function TimeChart({ points, series, granularity, label, unit }: { points: readonly TimePoint[]; series: readonly Series[]; granularity: 'month' | 'year'; label: string; unit: string }): VNode {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<string | null>(null);
  const indexes = points.map((p) => indexOf(p.period, granularity));
  const [first, last] = [Math.min(...indexes), Math.max(...indexes)];
  const plot = { w: Math.max(100, width - MARGIN.left - MARGIN.right), h: HEIGHT - MARGIN.top - MARGIN.bottom };
  const slot = plot.w / (last - first + 1);
  const bar = Math.max(2, Math.min(48, slot * 0.8));
  const top = roundUp(Math.max(1, ...points.map((p) => p.values.reduce((a, b) => a + b, 0))));
  const y = (v: number): number => MARGIN.top + plot.h - (v / top) * plot.h;
  const describe = (p: TimePoint): string => `${p.period}: ${p.values.reduce((a, b) => a + b, 0)} ${unit}${series.length > 1 ? ` (${series.map((s, i) => `${p.values[i] ?? 0} ${s.label}`).join(', ')})` : ''}`;
  const shown = points.find((p) => p.period === active);
  return html`<figure class="time-chart" ref=${ref}>
    ${series.length > 1 ? html`<p class="legend">${series.map((s) => html`<span class="key"><span class=${`swatch-box ${s.className}`}></span>${s.label}</span>`)}</p>` : null}
    ${width > 0 ? html`<svg width=${width} height=${HEIGHT} role="group" aria-label=${`${label}, by ${granularity}`}>
      <g class="axis values">${[0, top / 2, top].map((v) => html`<g><line x1=${MARGIN.left} x2=${MARGIN.left + plot.w} y1=${y(v)} y2=${y(v)} /><text x=${MARGIN.left - 6} y=${y(v) + 4}>${Number.isInteger(v) ? v : v.toFixed(1)}</text></g>`)}</g>
      <g class="axis time">${timeTicks(first, last, slot, granularity).map((i) => {
        const x = MARGIN.left + (i - first + 0.5) * slot;
        return html`<g><line x1=${x} x2=${x} y1=${MARGIN.top + plot.h} y2=${MARGIN.top + plot.h + 5} /><text x=${x} y=${HEIGHT - 12}>${periodAt(i, granularity)}</text></g>`;
      })}</g>
      ${points.map((p, n) => {
        const x = MARGIN.left + (indexes[n]! - first + 0.5) * slot - bar / 2;
        let base = 0;
        return html`<g class="bars" tabindex="0" role="img" aria-label=${describe(p)} data-period=${p.period} onFocus=${() => setActive(p.period)} onMouseEnter=${() => setActive(p.period)} onClick=${() => setActive(p.period)}>
          ${p.values.map((v, i) => {
            if (v <= 0) return null;
            const rect = html`<rect x=${x} y=${y(base + v)} width=${bar} height=${Math.max(1, y(base) - y(base + v))} class=${`bar ${series[i]?.className ?? ''}`} />`;
            base += v;
            return rect;
          })}
        </g>`;
      })}
    </svg>` : null}
    <figcaption class="readout" aria-live="polite">${shown ? describe(shown) : `${label}, by ${granularity}. Tab to a bar, point at it or tap it for its figures.`}</figcaption>
  </figure>`;
}

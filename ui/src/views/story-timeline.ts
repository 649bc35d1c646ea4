import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { StoryCopyDiff } from '../api.js';
import { useWidth } from '../hooks.js';
import { href } from '../router.js';

/** A copy's outlet as the page names it. */
export function outletName(copy: { outlet: string | null }): string {
  return copy.outlet ?? '(no outlet)';
}

/** A published time as the page shows it: `2025-03-03 08:00` (date and minutes), or the stored text when it is no ISO time. */
export function formatPublished(published: string | null): string {
  if (!published) return 'undated';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/u.exec(published);
  return m ? [m[1], m[2]].filter(Boolean).join(' ') : published;
}

/** Milliseconds of a published time, or null when it cannot be read. A bare date is read as local midnight, like a local time. */
function timeOf(published: string | null): number | null {
  if (!published) return null;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/u.test(published) ? `${published}T00:00` : published);
  return Number.isNaN(t) ? null : t;
}

/** A time tick's label: minutes when the story spans less than two days, else the date. */
function tickLabel(t: number, span: number): string {
  const d = new Date(t);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return span < 2 * 86_400_000 ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day;
}

const ROW = 46;
const PAD = 14;
const DOT = 10;
const UNDATED = 64;
const AXIS = 34;

interface Dot {
  readonly index: number;
  readonly copy: StoryCopyDiff;
  readonly row: number;
  readonly x: number;
}

/** The outlets in order of their first copy, and each copy placed on its outlet's row at its time (undated at the right). */
function layout(copies: readonly StoryCopyDiff[], width: number): { outlets: string[]; dots: Dot[]; min: number; max: number; right: number; undated: boolean } {
  const outlets = [...new Set(copies.map(outletName))];
  const times = copies.map((c) => timeOf(c.published));
  const dated = times.filter((t): t is number => t !== null);
  const undated = dated.length < copies.length;
  const right = width - PAD - (undated ? UNDATED : 0);
  const min = dated.length > 0 ? Math.min(...dated) : 0;
  const max = dated.length > 0 ? Math.max(...dated) : 0;
  const xOf = (t: number | null): number => (t === null ? width - PAD - UNDATED / 2 : max === min ? (PAD + right) / 2 : PAD + DOT + ((t - min) / (max - min)) * (right - PAD - 2 * DOT));
  const dots: Dot[] = [];
  const lastX = new Map<number, number>();
  copies.forEach((copy, index) => {
    const row = outlets.indexOf(outletName(copy));
    // Note: copies close in time on one row are pushed apart so that each number stays readable.
    const previous = lastX.get(row);
    const x = Math.min(width - PAD - DOT, Math.max(xOf(times[index] ?? null), previous === undefined ? -Infinity : previous + 2 * DOT + 4));
    lastX.set(row, x);
    dots.push({ index, copy, row, x });
  });
  return { outlets, dots, min, max, right, undated };
}

/** One copy's mark: a circle (original filled, copy hollow) or a square for a version, with its number, linked to its article. */
function mark(d: Dot): VNode {
  const y = d.row * ROW + 32;
  const label = `Copy ${d.index + 1}, ${d.copy.role}: ${outletName(d.copy)}, ${formatPublished(d.copy.published)}${d.copy.headline ? `, “${d.copy.headline}”` : ''}`;
  const shape = d.copy.role === 'version'
    ? html`<rect x=${d.x - DOT} y=${y - DOT} width=${2 * DOT} height=${2 * DOT} rx="2" />`
    : html`<circle cx=${d.x} cy=${y} r=${DOT} />`;
  return html`<a class=${`mark ${d.copy.role}`} href=${href(['article', d.copy.article])} aria-label=${label}>
    <title>${label}</title>${shape}<text x=${d.x} y=${y + 4} class="number">${d.index + 1}</text>
  </a>`;
}

/** The time axis under the rows: the first and last times, and the middle one when there is room. */
function axis(l: ReturnType<typeof layout>, width: number, top: number): VNode {
  const span = l.max - l.min;
  const ticks: Array<{ t: number; x: number; anchor: string }> = span === 0
    ? [{ t: l.min, x: (PAD + l.right) / 2, anchor: 'middle' }]
    : [{ t: l.min, x: PAD, anchor: 'start' }, ...(width >= 560 ? [{ t: l.min + span / 2, x: (PAD + l.right) / 2, anchor: 'middle' }] : []), { t: l.max, x: l.right, anchor: 'end' }];
  return html`<g class="axis">
    <line x1=${PAD} x2=${l.right} y1=${top + 6} y2=${top + 6} />
    ${l.dots.some((d) => timeOf(d.copy.published) !== null) ? ticks.map((k) => html`<text x=${k.x} y=${top + 24} text-anchor=${k.anchor}>${tickLabel(k.t, span)}</text>`) : null}
    ${l.undated ? html`<text x=${width - PAD - UNDATED / 2} y=${top + 24} text-anchor="middle">undated</text>` : null}
  </g>`;
}

/**
 * A story's copies on a time line: one row per outlet (named above its track), published time across, each copy
 * a numbered mark linked to its article (keyboard reachable; the copies list below says the same in text).
 * Drawn at the width it is given, one unit per pixel, so that it reads at 390 px as on a desktop.
 */
export function StoryTimeline({ copies }: { copies: readonly StoryCopyDiff[] }): VNode {
  const [ref, measured] = useWidth<HTMLDivElement>();
  // Note: two pixels less than the box, for the drawing's border.
  const width = Math.max(280, measured - 2);
  const l = layout(copies, width);
  const height = l.outlets.length * ROW + AXIS;
  return html`<div class="story-timeline" ref=${ref}>
    ${measured === 0 ? null : html`<svg width=${width} height=${height} viewBox=${`0 0 ${width} ${height}`} role="group" aria-label=${`${copies.length} copies on a time line, one row per outlet`}>
      ${l.outlets.map((o, row) => html`<g class="row">
        <text x=${PAD} y=${row * ROW + 14} class="outlet">${o}</text>
        <line x1=${PAD} x2=${width - PAD} y1=${row * ROW + 32} y2=${row * ROW + 32} />
      </g>`)}
      ${axis(l, width, l.outlets.length * ROW)}
      ${l.dots.map(mark)}
    </svg>`}
    <p class="legend">${(['original', 'copy', 'version'] as const).map((role) => html`<span class="key"><svg class=${`mark ${role}`} width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">${role === 'version' ? html`<rect x="3" y="3" width="18" height="18" rx="2" />` : html`<circle cx="12" cy="12" r="9" />`}</svg> ${role}</span>`)} · numbers as in the list below</p>
  </div>`;
}

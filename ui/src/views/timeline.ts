import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded } from './common.js';

/** A timeline of events for a query: cooperation and conflict per period, and the events themselves. */
export function TimelineView({ actor }: { actor: number | undefined }): VNode {
  const params = actor !== undefined ? { actor } : {};
  const periods = useLoad(`timeline:${actor}`, () => api.timeline(params));
  const events = useLoad(`timeline-events:${actor}`, () => api.events(params));
  return html`<section>
    <h2>Timeline ${actor !== undefined ? html`<a href=${href(['entity', actor])}>(entity ${actor})</a>` : '(all events)'}</h2>
    ${loaded(periods, (t) => {
      if (t.periods.length === 0) return html`<p class="muted">No dated events.</p>`;
      const max = Math.max(...t.periods.map((p) => p.events));
      const w = Math.max(30, Math.floor(700 / t.periods.length));
      // Note: at most about twelve labels, so that they never overlap.
      const every = Math.ceil(t.periods.length / 12);
      return html`<svg class="chart" viewBox=${`0 0 ${w * t.periods.length} 140`} role="img" aria-label="Events per period">
        ${t.periods.map((p, i) => {
          const c = Math.round((p.cooperation / max) * 100);
          const k = Math.round((p.conflict / max) * 100);
          // Note: a bar of no height is not drawn (an invisible rect would still hold a tooltip no one can reach).
          return html`<g>${c > 0 ? html`<rect x=${i * w + 3} y=${110 - c - k} width=${w - 6} height=${c} class="bar cooperation"><title>${p.period}: ${p.cooperation} cooperation</title></rect>` : null}${k > 0 ? html`<rect x=${i * w + 3} y=${110 - k} width=${w - 6} height=${k} class="bar conflict"><title>${p.period}: ${p.conflict} conflict</title></rect>` : null}${i % every === 0 ? html`<text x=${i * w + w / 2} y="128" class="label">${p.period}</text>` : null}</g>`;
        })}
      </svg>`;
    })}
    <h3>Events</h3>
    ${loaded(events, (page) => html`<ul class="events">${page.items.map(eventLine)}</ul>`)}
  </section>`;
}

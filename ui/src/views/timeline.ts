import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api.js';
import { filterKey, filtersOf } from '../filters.js';
import { useLoad } from '../hooks.js';
import { ExportLinks } from './export-links.js';
import { FilterBar } from './filter-bar.js';
import { href } from '../router.js';
import { eventLine, loaded } from './common.js';
import { TimeChart } from './time-chart.js';

const SERIES = [{ label: 'cooperation', className: 'cooperation' }, { label: 'conflict', className: 'conflict' }];

/** A timeline of events for a query: cooperation and conflict per period on a time axis, and the events themselves. */
export function TimelineView({ actor, params: route }: { actor: number | undefined; params: URLSearchParams }): VNode {
  const filters = filtersOf(route);
  const params = { ...(actor !== undefined ? { actor } : {}), ...filters };
  const key = `${actor}:${filterKey(filters)}`;
  const entity = useLoad(`timeline-entity:${actor}`, () => (actor !== undefined ? api.entity(actor) : Promise.resolve(null)));
  const periods = useLoad(`timeline:${key}`, () => api.timeline(params));
  const events = useLoad(`timeline-events:${key}`, () => api.events(params));
  const overview = useLoad('overview', () => api.overview());
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  const name = entity.state === 'ok' && entity.value ? entity.value.entity.name : null;
  return html`<section>
    <h2>${actor === undefined ? 'Timeline of all events' : html`Timeline: ${name ? html`<a href=${href(['entity', actor])}>${name}</a>` : '…'}`}</h2>
    <${FilterBar} path=${['timeline']} params=${route} filters=${filters} outlets=${outlets} />
    ${loaded(periods, (t) => {
      if (t.periods.length === 0) return html`<p class="muted">No events dated to a ${t.granularity}.</p>`;
      const off = t.unplaced.events;
      return html`<${TimeChart} points=${t.periods.map((p) => ({ period: p.period, values: [p.cooperation, p.conflict] }))} series=${SERIES} granularity=${t.granularity} label="Events that happened (asserted)" unit="events" />
        ${off > 0 ? html`<p class="muted">${off} ${off === 1 ? 'event is' : 'events are'} dated only to a year or a season, so not on this month axis.</p>` : null}`;
    })}
    <h3>Events</h3>
    <p class="muted">Every mode is listed; the chart counts what happened (asserted events), not what was planned, supposed or denied.</p>
    ${loaded(events, (page) => (page.items.length === 0 ? html`<p class="muted">No events.</p>` : html`<ul class="events">${page.items.map(eventLine)}</ul>`))}
    <${ExportLinks} params=${params} lists=${['events']} />
  </section>`;
}

import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api.js';
import { filterKey, filtersOf } from '../filters.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded, quoteLine } from './common.js';
import { ExportLinks } from './export-links.js';
import { FilterBar } from './filter-bar.js';

/**
 * Events and quotes of a filter (`#/facts?from=&outlet=&...`), newest first, each list paged by its own cursor in
 * the URL, with the exports of the same filter.
 */
export function FactsView({ params }: { params: URLSearchParams }): VNode {
  const filters = filtersOf(params);
  const key = filterKey(filters);
  const eventCursor = params.get('events') ?? undefined;
  const quoteCursor = params.get('quotes') ?? undefined;
  const overview = useLoad('overview', () => api.overview());
  const events = useLoad(`facts-events:${key}:${eventCursor}`, () => api.events(filters, eventCursor));
  const quotes = useLoad(`facts-quotes:${key}:${quoteCursor}`, () => api.quotes(filters, quoteCursor));
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  const next = (list: 'events' | 'quotes', cursor: string): string => href(['facts'], { ...Object.fromEntries(params), [list]: cursor });
  return html`<section>
    <h2>Events and quotes</h2>
    <${FilterBar} path=${['facts']} params=${params} filters=${filters} outlets=${outlets} />
    <${ExportLinks} params=${{ ...filters }} />
    <div class="columns">
      <div><h3>Events</h3>
        <p class="muted">Every mode is listed (planned, supposed and denied ones say so); a reported one says who reports it.</p>
        ${loaded(events, (p) => (p.items.length === 0 ? html`<p class="muted">No events.</p>` : html`<ul class="events">${p.items.map(eventLine)}</ul>${p.nextCursor ? html`<p class="pager"><a href=${next('events', p.nextCursor)}>More events</a></p>` : null}`))}
      </div>
      <div><h3>Quotes</h3>
        ${loaded(quotes, (p) => (p.items.length === 0 ? html`<p class="muted">No quotes.</p>` : html`<ul class="quotes">${p.items.map(quoteLine)}</ul>${p.nextCursor ? html`<p class="pager"><a href=${next('quotes', p.nextCursor)}>More quotes</a></p>` : null}`))}
      </div>
    </div>
  </section>`;
}

import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { filterKey, filtersOf } from '../filters.js';
import { useLoad } from '../hooks.js';
import { FilterBar } from './filter-bar.js';
import { href } from '../router.js';
import { eventLine, loaded } from './common.js';
import { Graph, QUADS } from './network-graph.js';

/** The edge picked: its two ends, how it reads, and how many events it weighs. */
interface Picked {
  readonly source: number;
  readonly target: number;
  readonly label: string;
  readonly weight: number;
}

/**
 * The actor network of a query, drawn with Cytoscape; edges coloured by their main quad class; pick an edge (on
 * the drawing or in the list) for its events: those of its direction that it counts, asserted ones, as its weight.
 * Note: main.ts keys the view by its query, so that another entity's network starts with no edge picked.
 */
export function NetworkView({ actor, params }: { actor: number | undefined; params: URLSearchParams }): VNode {
  const filters = filtersOf(params);
  const filter = { ...(actor !== undefined ? { actor } : {}), ...filters };
  const net = useLoad(`network:${actor}:${filterKey(filters)}`, () => api.network(filter));
  const overview = useLoad('overview', () => api.overview());
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  const [picked, setPicked] = useState<Picked | null>(null);
  const events = useLoad(picked ? `edge:${picked.source}>${picked.target}` : 'edge:none', () => (picked ? api.events({ ...filter, sourceActor: picked.source, targetActor: picked.target, modes: 'asserted' }) : Promise.resolve(null)));
  const name = net.state === 'ok' ? net.value.nodes.find((n) => n.id === actor)?.name : undefined;
  return html`<section>
    <h2>Actor network ${actor !== undefined ? html`of <a href=${href(['entity', actor])}>${name ?? `entity ${actor}`}</a>` : 'of the latest events'}</h2>
    <${FilterBar} path=${['network']} params=${params} filters=${filters} outlets=${outlets} />
    <p class="legend">Edges by their main class: ${Object.keys(QUADS).map((q) => html`<span class=${`swatch ${q}`}>${q.replace('-', ' ')}</span> `)} · the number on an edge is its events (asserted ones)</p>
    ${loaded(net, (n) => {
      if (n.nodes.length === 0) return html`<p class="muted">No events with two known actors.</p>`;
      const names = new Map(n.nodes.map((x) => [x.id, x.name]));
      const pick = (s: number, t: number): void => {
        const edge = n.edges.find((e) => e.source === s && e.target === t);
        setPicked({ source: s, target: t, label: `${names.get(s)} → ${names.get(t)}`, weight: edge?.weight ?? 0 });
      };
      return html`<${Graph} net=${n} focus=${actor} onEdge=${pick} />
        <details class="edges"><summary>Edges as a list (${n.edges.length})</summary><ul>${n.edges.map((e) => html`<li><button type="button" class=${`edge ${e.quad}`} onClick=${() => pick(e.source, e.target)}>${names.get(e.source)} → ${names.get(e.target)}</button> <span class="muted">${e.weight} events: ${e.cooperation} cooperation, ${e.conflict} conflict</span></li>`)}</ul></details>`;
    })}
    ${picked ? html`<h3>${picked.label}: ${picked.weight} ${picked.weight === 1 ? 'event' : 'events'}</h3>${loaded(events, (page) => (page ? html`<ul class="events edge-events">${page.items.map(eventLine)}</ul>${page.nextCursor ? html`<p class="muted">The first ${page.items.length} are listed.</p>` : null}` : null))}` : html`<p class="muted">Pick an edge, on the drawing or in the list, to see its events and their sentences.</p>`}
  </section>`;
}

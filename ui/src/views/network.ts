import cytoscape from 'cytoscape';
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Network, type StoredEvent } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded } from './common.js';

const COLOURS: Record<string, string> = { 'verbal-cooperation': '#2e8b57', 'material-cooperation': '#1b5e20', 'verbal-conflict': '#e07b00', 'material-conflict': '#c62828' };

/** The actor network of a query, drawn with Cytoscape; edges coloured by their main quad class; click an edge for its events. */
export function NetworkView({ actor, plover }: { actor: number | undefined; plover: string | undefined }): VNode {
  const net = useLoad(`network:${actor}:${plover}`, () => api.network({ ...(actor !== undefined ? { actor } : {}), ...(plover ? { plover } : {}) }));
  const [picked, setPicked] = useState<{ label: string; events: readonly StoredEvent[] } | null>(null);
  return html`<section>
    <h2>Actor network ${actor !== undefined ? html`of <a href=${href(['entity', actor])}>${net.state === 'ok' ? net.value.nodes.find((n) => n.id === actor)?.name ?? `entity ${actor}` : `entity ${actor}`}</a>` : 'of the latest events'}</h2>
    <p class="legend">${Object.entries(COLOURS).map(([q]) => html`<span class=${`swatch ${q}`}>${q.replace('-', ' ')}</span> `)}</p>
    ${loaded(net, (n) => {
      if (n.nodes.length === 0) return html`<p class="muted">No events with two known actors.</p>`;
      const names = new Map(n.nodes.map((x) => [x.id, x.name]));
      const pick = async (s: number, t: number, label: string): Promise<void> => setPicked({ label, events: (await api.events({ actor: s, counterpart: t })).items });
      return html`<${Graph} net=${n} onEdge=${pick} />
        <details class="edges"><summary>Edges as a list (${n.edges.length})</summary><ul>${n.edges.map((e) => {
          const label = `${names.get(e.source)} → ${names.get(e.target)}`;
          return html`<li><button type="button" class=${`edge ${e.quad}`} onClick=${() => pick(e.source, e.target, label)}>${label}</button> <span class="muted">${e.weight} events: ${e.cooperation} cooperation, ${e.conflict} conflict</span></li>`;
        })}</ul></details>`;
    })}
    ${picked ? html`<h3>${picked.label}</h3><ul class="events">${picked.events.map(eventLine)}</ul>` : html`<p class="muted">Click an edge to see its events and their sentences.</p>`}
  </section>`;
}

function Graph({ net, onEdge }: { net: Network; onEdge: (source: number, target: number, label: string) => void }): VNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const names = new Map(net.nodes.map((n) => [n.id, n.name]));
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: `n${n.id}`, label: n.name, size: 18 + Math.min(40, n.events * 2) } })),
        ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: `n${e.source}`, target: `n${e.target}`, s: e.source, t: e.target, width: 1 + Math.min(10, e.weight), colour: COLOURS[e.quad] ?? '#888', label: `${e.weight}` } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#37474f', 'font-size': 11, color: '#111', 'text-valign': 'bottom', 'text-margin-y': 4 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9 } },
      ],
      layout: { name: 'cose', animate: false, randomize: false },
    });
    cy.on('tap', 'edge', (evt) => {
      const d = evt.target.data() as { s: number; t: number };
      onEdge(d.s, d.t, `${names.get(d.s)} → ${names.get(d.t)}`);
    });
    return () => cy.destroy();
  }, [net]);
  return html`<div class="graph" ref=${box} data-testid="network"></div>`;
}

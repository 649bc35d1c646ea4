import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Network } from '../api.js';

/** The colour of each quad class (the same as the swatches of the legend in style.css). */
export const QUADS: Record<string, string> = { 'verbal-cooperation': '#2e8b57', 'material-cooperation': '#1b5e20', 'verbal-conflict': '#e07b00', 'material-conflict': '#c62828' };

/** The font size of node labels, in CSS pixels at zoom 1; the drawing never opens below zoom 1, so never smaller. */
const LABEL_PX = 13;
const ZOOM_STEP = 1.3;

/**
 * Moves nodes apart until no two labelled boxes (the node and its label) overlap: the layout places nodes, not
 * their labels, and at a readable size long names run into each other.
 */
function separate(cy: Core, gap = 6, rounds = 80): void {
  const nodes = cy.nodes().toArray() as NodeSingular[];
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        const [p, q] = [nodes[i]!.position(), nodes[j]!.position()];
        // Note: apart along the axis that needs the shorter move, each node half of it.
        const along = dx < dy ? { x: (p.x <= q.x ? -dx : dx) / 2, y: 0 } : { x: 0, y: (p.y <= q.y ? -dy : dy) / 2 };
        nodes[i]!.position({ x: p.x + along.x, y: p.y + along.y });
        nodes[j]!.position({ x: q.x - along.x, y: q.y - along.y });
        boxes[i] = nodes[i]!.boundingBox({ includeLabels: true, includeOverlays: false });
        boxes[j] = nodes[j]!.boundingBox({ includeLabels: true, includeOverlays: false });
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Fits the drawing, but never below zoom 1 (labels stay at their size): then it centres on the focused entity. */
function readableView(cy: Core, focus: number | undefined): void {
  cy.fit(undefined, 24);
  if (cy.zoom() >= 1) return;
  cy.zoom(1);
  const centre = focus !== undefined ? cy.getElementById(`n${focus}`) : cy.nodes().max((n) => n.degree(false)).ele;
  cy.center(centre.length > 0 ? centre : undefined);
}

/** The network drawn with Cytoscape, labels at 13 px that never overlap, with zoom buttons; tap an edge for its events. */
export function Graph({ net, focus, onEdge }: { net: Network; focus: number | undefined; onEdge: (source: number, target: number) => void }): VNode {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: `n${n.id}`, label: n.name, size: 14 + Math.min(30, n.events * 2) } })),
        ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: `n${e.source}`, target: `n${e.target}`, s: e.source, t: e.target, width: 1.5 + Math.min(8, e.weight), colour: QUADS[e.quad] ?? '#888', label: `${e.weight}` } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#37474f', 'font-size': LABEL_PX, color: '#111', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '2px' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 12, color: '#263238', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': '1px' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 12000 },
      minZoom: 0.2,
      maxZoom: 4,
      wheelSensitivity: 0.3,
    });
    separate(cy);
    readableView(cy, focus);
    cy.on('tap', 'edge', (evt) => {
      const d = evt.target.data() as { s: number; t: number };
      onEdge(d.s, d.t);
    });
    cyRef.current = cy;
    return () => cy.destroy();
  }, [net]);
  const zoom = (by: number): void => {
    const cy = cyRef.current;
    if (cy) cy.zoom({ level: cy.zoom() * by, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  return html`<div class="graph-tools" role="toolbar" aria-label="Zoom the network">
      <button type="button" onClick=${() => zoom(ZOOM_STEP)}>Zoom in</button>
      <button type="button" onClick=${() => zoom(1 / ZOOM_STEP)}>Zoom out</button>
      <button type="button" onClick=${() => cyRef.current && readableView(cyRef.current, focus)}>Reset view</button>
      <span class="muted">drag to pan; below zoom 1 the whole network shows, its labels smaller</span>
    </div>
    <div class="graph" ref=${box} data-testid="network"></div>`;
}

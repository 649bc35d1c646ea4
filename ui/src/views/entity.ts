import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded, quoteLine } from './common.js';

/** Bars of mentions per month, drawn as SVG (no inline styles). */
function chart(months: ReadonlyArray<{ month: string; mentions: number }>): VNode {
  const dated = months.filter((m) => m.month !== 'undated');
  if (dated.length === 0) return html`<p class="muted">No dated mentions.</p>`;
  const max = Math.max(...dated.map((m) => m.mentions));
  // Note: bars at most 60 units wide, so that one month does not fill the chart.
  const w = Math.min(60, Math.max(24, Math.floor(640 / dated.length)));
  return html`<svg class="chart" viewBox=${`0 0 ${Math.max(640, w * dated.length)} 130`} role="img" aria-label="Mentions by month">
    ${dated.map((m, i) => {
      const h = Math.max(2, Math.round((m.mentions / max) * 100));
      return html`<g><rect x=${i * w + 2} y=${105 - h} width=${w - 4} height=${h} class="bar"><title>${m.month}: ${m.mentions}</title></rect><text x=${i * w + w / 2} y="122" class="label">${m.month}</text></g>`;
    })}
  </svg>`;
}

/** Undoes a merge and opens the entity it made. */
async function undo(mergeId: number): Promise<void> {
  const { entity } = await api.undoMerge(mergeId);
  location.hash = href(['entity', entity.id]);
}

/** An entity's page: links, roles over time, mentions by month, quotes, events, merges, and the actors seen with it. */
export function EntityView({ id }: { id: number }): VNode {
  const profile = useLoad(`entity:${id}`, () => api.entity(id));
  const quotes = useLoad(`quotes:${id}`, () => api.quotes({ speaker: id }));
  const events = useLoad(`events:${id}`, () => api.events({ actor: id }));
  return loaded(profile, (p) => html`<section class="entity">
    <h2>${p.entity.name} <span class=${`chip ${p.entity.type}`}>${p.entity.type}</span></h2>
    <p class="links">
      ${p.entity.wikidata ? html`<a href=${`https://www.wikidata.org/wiki/${p.entity.wikidata}`} rel="noopener noreferrer" target="_blank">Wikidata ${p.entity.wikidata}</a>` : html`<span class="muted">no Wikidata link</span>`}
      ${p.entity.country ? html` · country ${p.entity.country}` : null}
      ${p.entity.cameo ? html` · CAMEO ${p.entity.cameo}` : null}
      · ${p.entity.articles} articles · ${p.entity.mentions} mentions ·
      <a href=${href(['network'], { actor: id })}>network</a> · <a href=${href(['timeline'], { actor: id })}>timeline</a>
    </p>
    <div class="columns">
      <div>
        <h3>Mentions over time</h3>${chart(p.mentionsByMonth)}
        <h3>Roles</h3>
        ${p.roles.length === 0 ? html`<p class="muted">None given.</p>` : html`<table><thead><tr><th>role</th><th>first</th><th>last</th><th>articles</th></tr></thead><tbody>${p.roles.map((r) => html`<tr><td>${r.role}</td><td>${r.first ?? ''}</td><td>${r.last ?? ''}</td><td>${r.articles}</td></tr>`)}</tbody></table>`}
        <h3>Merged from</h3>
        <p class="muted">Each article's entity joined this one for a reason; undo a merge that is wrong.</p>
        <ul class="merges">${p.merges.map((m) => html`<li>
          <a href=${href(['article', m.article])}>${m.headline ?? `article ${m.article.slice(0, 8)}`}</a> <span class="muted">${m.localId}, by ${m.reason}</span>
          ${m.undone ? html` <span class="muted">(undone)</span>` : m.entity === id && p.merges.filter((x) => x.entity === id).length > 1 ? html` <button type="button" onClick=${() => undo(m.id)}>Undo</button>` : null}
        </li>`)}</ul>
        <h3>Seen most with</h3>
        <ul class="chips">${p.coActors.map((c) => html`<li><a class=${`chip ${c.entity.type}`} href=${href(['entity', c.entity.id])}>${c.entity.name}</a> <span class="muted">${c.articles}</span></li>`)}</ul>
      </div>
      <div>
        <h3>Quotes (${p.quotes})</h3>
        ${loaded(quotes, (page) => (page.items.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="quotes">${page.items.map(quoteLine)}</ul>`))}
        <h3>Events (${p.events})</h3>
        ${loaded(events, (page) => (page.items.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="events">${page.items.map(eventLine)}</ul>`))}
      </div>
    </div>
  </section>`);
}

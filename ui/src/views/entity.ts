import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api, type Profile } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded, quoteLine } from './common.js';
import { byMonthOrYear, TimeChart } from './time-chart.js';
import { lazyView } from '../lazy.js';

// Note: the inset brings d3-geo and the base map, loaded only when a place's page is opened.
const PlaceInset = lazyView(() => import('./place-inset.js').then((m) => m.PlaceInset));

/** Mentions over time on a time axis (months, or years over more than five years), with the undated ones said. */
function chart(months: ReadonlyArray<{ month: string; mentions: number }>): VNode {
  const dated = months.filter((m) => m.month !== 'undated');
  const undated = months.find((m) => m.month === 'undated')?.mentions ?? 0;
  if (dated.length === 0) return html`<p class="muted">No dated mentions.</p>`;
  const { points, granularity } = byMonthOrYear(dated.map((m) => ({ period: m.month, values: [m.mentions] })));
  return html`<${TimeChart} points=${points} series=${MENTIONS} granularity=${granularity} label="Mentions" unit="mentions" />${undated > 0 ? html`<p class="muted">and ${undated} in undated articles.</p>` : null}`;
}

/** `1 article`, `3 articles`. */
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const MENTIONS = [{ label: 'mentions', className: 'mentions' }];

/** Undoes or redoes a merge and opens the entity the article's entity is in then. */
async function act(action: 'undo' | 'redo', mergeId: number): Promise<void> {
  const { entity } = await (action === 'undo' ? api.undoMerge(mergeId) : api.redoMerge(mergeId));
  location.hash = href(['entity', entity.id]);
}

type Merge = Profile['merges'][number];

/** What undoing or redoing a merge will do, asked before it is done. */
function Confirm({ action, merge, article, entity, onKeep }: { action: 'undo' | 'redo'; merge: Merge; article: string; entity: string; onKeep: () => void }): VNode {
  const undo = action === 'undo';
  return html`<div class="confirm" role="alertdialog" aria-label=${undo ? 'Undo this merge?' : 'Redo this merge?'}>
    <p>${undo
      ? `Split “${merge.name}” in “${article}” off from ${entity}? It becomes an entity of its own, with its mentions, quotes and events in that article.`
      : `Merge “${merge.name}” in “${article}” back into ${merge.originalName}? Its mentions, quotes and events in that article join that entity again.`}</p>
    <button type="button" onClick=${() => act(action, merge.id)}>${undo ? 'Undo the merge' : 'Redo the merge'}</button> <button type="button" onClick=${onKeep}>${undo ? 'Keep it' : 'Leave it undone'}</button>
  </div>`;
}

/**
 * The merges that made an entity: which name, in which article, joined it and why; undoing one, or redoing an undone
 * one, asks first, saying what it will split off or merge back.
 */
function Merges({ entity, merges }: { entity: Profile['entity']; merges: Profile['merges'] }): VNode {
  const [asking, setAsking] = useState<{ id: number; action: 'undo' | 'redo' } | null>(null);
  const undoable = merges.filter((m) => m.entity === entity.id).length > 1;
  return html`<ul class="merges">${merges.map((m) => {
    const article = m.headline ?? `article ${m.article.slice(0, 8)}`;
    const action = m.undone ? 'redo' : undoable && m.entity === entity.id ? 'undo' : null;
    const open = asking?.id === m.id;
    return html`<li>
      “${m.name}” in <a href=${href(['article', m.article])}>${article}</a> <span class="muted">(${m.localId}), merged by ${m.reason}${m.undone ? `, undone (was in ${m.originalName})` : ''}</span>
      ${action && !open ? html` <button type="button" onClick=${() => setAsking({ id: m.id, action })}>${action === 'undo' ? 'Undo' : 'Redo'}</button>` : null}
      ${open && asking ? html`<${Confirm} action=${asking.action} merge=${m} article=${article} entity=${entity.name} onKeep=${() => setAsking(null)} />` : null}
    </li>`;
  })}</ul>`;
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
      ${[p.entity.country ? `country ${p.entity.country}` : null, p.entity.cameo ? `CAMEO ${p.entity.cameo}` : null, plural(p.entity.articles, 'article'), plural(p.entity.mentions, 'mention')].filter((x) => x !== null).map((x) => ` · ${x}`).join('')}
      · <a href=${href(['network'], { actor: id })}>network</a> · <a href=${href(['timeline'], { actor: id })}>timeline</a>
    </p>
    <div class="columns">
      <div>
        ${p.place ? html`<h3>Where</h3><${PlaceInset} place=${p.place} />` : null}
        <h3>Mentions over time</h3>${chart(p.mentionsByMonth)}
        <h3>Roles</h3>
        ${p.roles.length === 0 ? html`<p class="muted">None given.</p>` : html`<table><thead><tr><th>role</th><th>first</th><th>last</th><th>articles</th></tr></thead><tbody>${p.roles.map((r) => html`<tr><td>${r.role}</td><td>${r.first ?? ''}</td><td>${r.last ?? ''}</td><td>${r.articles}</td></tr>`)}</tbody></table>`}
        <h3>Merged from</h3>
        <p class="muted">Each article's entity joined this one for a reason; undo a merge that is wrong, and redo one undone by mistake.</p>
        <${Merges} entity=${p.entity} merges=${p.merges} />
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

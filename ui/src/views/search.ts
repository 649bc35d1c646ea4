import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type ArticlePage, type CorpusOverview, type Entity, type Page, type SearchHit } from '../api.js';
import { anyFilter, filterKey, filtersOf } from '../filters.js';
import { useLoad, type Loaded } from '../hooks.js';
import { href } from '../router.js';
import { loaded } from './common.js';
import { ExportLinks } from './export-links.js';
import { FilterBar } from './filter-bar.js';

/** The search syntax, each with an example that runs it. */
const SYNTAX: ReadonlyArray<readonly [string, string]> = [
  ['Kim Putin', 'both words'],
  ['Kim OR Putin', 'either word'],
  ['"state media"', 'the words in that order'],
  ['Pyong*', 'any word that starts so'],
  ['Korea -South', 'leaves out articles with a word'],
];

/** The search syntax, each form a link that runs its example. */
function SyntaxHelp(): VNode {
  return html`<p class="syntax" id="search-syntax"><span class="muted">Search syntax:</span> ${SYNTAX.map(([q, what]) => html`<span class="form"><a href=${href([], { q })}><code>${q}</code></a> ${what}</span> `)}</p>`;
}

/** What the corpus holds: counts, outlets, the span of publication dates, and the most reported entities. */
function Overview({ o }: { o: CorpusOverview }): VNode {
  const day = (t: string | null): string => (t ? t.slice(0, 10) : '?');
  return html`<section class="overview" aria-label="What the corpus holds">
    <p class="figures"><strong>${o.articles}</strong> articles · <strong>${o.copies}</strong> copies in <strong>${o.stories}</strong> stories · <strong>${o.outletCount}</strong> ${o.outletCount === 1 ? 'outlet' : 'outlets'} · published <strong>${day(o.first)}</strong> to <strong>${day(o.last)}</strong></p>
    <p class="muted">Outlets: ${o.outlets.map((x, i) => html`${i > 0 ? ', ' : ''}<a href=${href([], { outlet: x.outlet })}>${x.outlet}</a> (${x.copies})`)}</p>
    <h3>Most reported</h3>
    <ul class="chips">${o.topEntities.map((e) => html`<li><a class=${`chip ${e.type}`} href=${href(['entity', e.id])}>${e.name}</a> <span class="muted">${e.stories} stories</span></li>`)}</ul>
  </section>`;
}

/** Where a search went wrong, under the query, when the server says at which character. */
function syntaxError(q: string, message: string): VNode {
  const at = /character (\d+)/u.exec(message);
  const caret = at ? `${' '.repeat(Math.max(0, Number(at[1]) - 1))}^` : null;
  return html`<div class="error" role="alert"><p>${message.replace(/^querystring\/q: /u, '')}</p>${caret !== null ? html`<pre class="caret" aria-hidden="true">${`${q}\n${caret}`}</pre><p class="muted">See the search syntax above.</p>` : null}</div>`;
}

/** The list of articles or hits, with the pager. */
function Results({ list, params, page }: { list: Loaded<Page<SearchHit> | ArticlePage>; params: URLSearchParams; page: number }): VNode {
  return loaded(list, (p) => {
    if (p.items.length === 0) return html`<p class="muted">No articles.</p>`;
    const first = (page - 1) * 30 + 1;
    const total = 'total' in p && !anyFilter(filtersOf(params)) ? ` of ${p.total}` : '';
    const rest = Object.fromEntries([...params].filter(([k]) => k !== 'cursor' && k !== 'page'));
    return html`<p class="muted">${first}–${first + p.items.length - 1}${total}</p><ol class="results" start=${first}>${p.items.map((a) => html`<li>
      <a href=${href(['article', a.id])}>${a.headline ?? '(no headline)'}</a>
      <span class="muted"> ${[a.outlet, a.published].filter(Boolean).join(' · ')}</span>
      ${'fragments' in a ? html`<p class="snippet">${a.fragments.map((f) => (f.match ? html`<mark>${f.text}</mark>` : f.text))}</p>` : null}
    </li>`)}</ol>
    <p class="pager">${page > 1 ? html`<a href=${href([], rest)}>First page</a>` : null}${p.nextCursor ? html`<a rel="next" href=${href([], { ...rest, cursor: p.nextCursor, page: page + 1 })}>Next page</a>` : null}</p>`;
  });
}

/**
 * The entities a query names: each side of an `OR` looked up alone (`Kim OR Putin` names two), without the
 * exclusions and quote marks, the best first and each once.
 */
async function entitiesOf(q: string): Promise<{ items: Entity[] }> {
  const names = q.split(/\s+OR\s+/u).map((part) => part.split(/\s+/u).filter((w) => !w.startsWith('-')).join(' ').replace(/["*]/gu, '').trim()).filter(Boolean);
  const pages = await Promise.all(names.map((name) => api.entities(name)));
  const seen = new Set<number>();
  return { items: pages.flatMap((p) => p.items).filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id))).slice(0, 12) };
}

/** The home page (what the corpus holds, the latest published articles) and the search page, with the filters. */
export function SearchView({ params }: { params: URLSearchParams }): VNode {
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = filtersOf(params);
  const [value, setValue] = useState(q);
  // Note: the box follows the route: after Back it shows the query whose results are on the page, not the last one typed.
  useEffect(() => setValue(q), [q]);
  const key = `${q}:${filterKey(filters)}:${cursor}`;
  const articles = useLoad<Page<SearchHit> | ArticlePage>(`articles:${key}`, () => (q ? api.search(q, filters, cursor) : api.articles(filters, cursor)));
  const entities = useLoad(`entities:${q}`, () => entitiesOf(q));
  const overview = useLoad('overview', () => api.overview());
  const submit = (e: Event): void => {
    e.preventDefault();
    const rest = Object.fromEntries([...params].filter(([k]) => !['q', 'cursor', 'page'].includes(k)));
    location.hash = href([], { ...rest, q: value.trim() || undefined });
  };
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  return html`<section>
    <form role="search" onSubmit=${submit}>
      <input type="search" name="q" aria-label="Search" aria-keyshortcuts="/" aria-describedby="search-syntax" placeholder="Search articles and people, places, organisations (press /)" value=${value} onInput=${(e: Event) => setValue((e.target as HTMLInputElement).value)} />
      <button type="submit">Search</button>
    </form>
    <${SyntaxHelp} />
    <${FilterBar} path=${[]} params=${params} filters=${filters} outlets=${outlets} />
    ${q ? null : loaded(overview, (o) => html`<${Overview} o=${o} />`)}
    ${q ? loaded(entities, (p) => (p.items.length === 0 ? null : html`<h2>Entities</h2><ul class="chips">${p.items.map((e) => html`<li><a class=${`chip ${e.type}`} href=${href(['entity', e.id])}>${e.name}</a> <span class="muted">${e.type} · ${e.articles} articles</span></li>`)}</ul>`)) : null}
    <h2>${q ? `Articles matching “${q}”` : 'Articles, newest published first'}</h2>
    ${articles.state === 'error' && q ? syntaxError(q, articles.message) : html`<${Results} list=${articles} params=${params} page=${page} />`}
    <${ExportLinks} params=${{ ...filters }} />
  </section>`;
}

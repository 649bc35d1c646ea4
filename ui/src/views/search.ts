import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { loaded } from './common.js';

/** The search page: a box, matching entities, and articles with their highlighted snippets. */
export function SearchView({ q }: { q: string }): VNode {
  const [value, setValue] = useState(q);
  // Note: the box follows the route: after Back it shows the query whose results are on the page, not the last one typed.
  useEffect(() => setValue(q), [q]);
  const articles = useLoad(`articles:${q}`, () => (q ? api.search(q) : api.articles()));
  const entities = useLoad(`entities:${q}`, () => (q ? api.entities(q) : Promise.resolve({ items: [], nextCursor: null })));
  const submit = (e: Event): void => {
    e.preventDefault();
    location.hash = href([], { q: value.trim() || undefined });
  };
  return html`<section>
    <form role="search" onSubmit=${submit}>
      <input type="search" name="q" aria-label="Search" aria-keyshortcuts="/" placeholder="Search articles and people, places, organisations (press /)" value=${value} onInput=${(e: Event) => setValue((e.target as HTMLInputElement).value)} />
      <button type="submit">Search</button>
    </form>
    ${q ? loaded(entities, (page) => (page.items.length === 0 ? null : html`<h2>Entities</h2><ul class="chips">${page.items.map((e) => html`<li><a class=${`chip ${e.type}`} href=${href(['entity', e.id])}>${e.name}</a> <span class="muted">${e.type} · ${e.articles} articles</span></li>`)}</ul>`)) : null}
    <h2>${q ? `Articles matching “${q}”` : 'Latest articles'}</h2>
    ${loaded(articles, (page) => (page.items.length === 0 ? html`<p class="muted">No articles.</p>` : html`<ol class="results">${page.items.map((a) => html`<li>
      <a href=${href(['article', a.id])}>${a.headline ?? '(no headline)'}</a>
      <span class="muted"> ${[a.outlet, a.published].filter(Boolean).join(' · ')}</span>
      ${a.fragments ? html`<p class="snippet">${a.fragments.map((f) => (f.match ? html`<mark>${f.text}</mark>` : f.text))}</p>` : null}
    </li>`)}</ol>`))}
  </section>`;
}

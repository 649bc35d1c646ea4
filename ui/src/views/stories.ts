import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { loaded } from './common.js';
import { formatPublished } from './story-timeline.js';

/** Stories per page, as `api.stories` asks for them. */
const PAGE_SIZE = 25;

/**
 * The stories list, the most copies first, paged by the API's cursor (carried in the address with the page
 * number, so that a page can be linked and Back works). Without `all`, only stories of two or more copies.
 */
export function StoriesView({ params }: { params: URLSearchParams }): VNode {
  const cursor = params.get('cursor') ?? undefined;
  const pageNumber = Math.max(1, Number(params.get('page')) || 1);
  const all = params.get('all') === '1';
  const minCopies = all ? 1 : 2;
  const page = useLoad(`stories:${minCopies}:${cursor}`, () => api.stories({ cursor, minCopies }));
  const toggle = all ? html`<a href=${href(['stories'])}>Only stories of two or more copies</a>` : html`<a href=${href(['stories'], { all: 1 })}>Include stories of one copy</a>`;
  return html`<section class="stories">
    <h2>Stories</h2>
    <p class="muted">Copies and versions of one wire story, grouped; the most copies first. ${toggle}</p>
    ${loaded(page, (p) => html`
      <p>${p.total} ${p.total === 1 ? 'story' : 'stories'}${all ? '' : ' of two or more copies'}${p.total > PAGE_SIZE ? `, page ${pageNumber}` : ''}.</p>
      ${p.items.length === 0 ? html`<p class="muted">No stories.</p>` : html`<ol class="results" start=${(pageNumber - 1) * PAGE_SIZE + 1}>${p.items.map((s) => html`<li>
        <a href=${href(['stories', s.id])}>${s.headline ?? `Story ${s.id}`}</a>
        <span class="muted"> ${s.copies} ${s.copies === 1 ? 'copy' : 'copies'} · ${s.articles} ${s.articles === 1 ? 'text' : 'texts'} · originated by ${s.originator ?? 'unknown'} · first ${formatPublished(s.published)}</span>
      </li>`)}</ol>`}
      <nav class="pager" aria-label="Pages of stories">
        ${cursor ? html`<a href=${href(['stories'], { all: all ? 1 : undefined })}>First page</a>` : null}
        ${p.nextCursor ? html`<a rel="next" href=${href(['stories'], { all: all ? 1 : undefined, cursor: p.nextCursor, page: pageNumber + 1 })}>Next page</a>` : null}
      </nav>`)}
  </section>`;
}

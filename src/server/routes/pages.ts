import type { FastifyInstance } from 'fastify';
import type { AsyncArticleStore } from '../../store/async.js';
import { renderSnippet } from '../../store/store.js';
import { escapeHtml } from '../schemas.js';
import { STYLE_CSS } from './style.js';

/** Plain HTML pages (no script), beside the web UI: the article list with a search box at `/plain/`, one article at `/plain/articles/:id`. */
export function registerPageRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  app.get('/style.css', { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').send(STYLE_CSS));

  app.get<{ Querystring: { q?: string; cursor?: string } }>('/plain/', {
    schema: {
      hide: true, querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 500 }, cursor: { type: 'string', maxLength: 100 } } } },
  }, async (request, reply) => {
    const q = request.query.q?.trim() ?? '';
    const cursor = request.query.cursor ?? null;
    const results = q ? await store.search(q, { limit: 50, cursor }) : await store.list({ limit: 100, cursor });
    const rows = results.items.map((a) => row(a.id, a.headline, a.outlet, a.published, 'snippet' in a ? renderSnippet(String(a.snippet), '<mark>', '</mark>', escapeHtml) : null));
    const heading = q ? `Results for “${escapeHtml(q)}”` : `${await store.count()} articles`;
    const next = results.nextCursor ? `<p><a rel="next" href="/plain/?${escapeHtml(new URLSearchParams({ ...(q ? { q } : {}), cursor: results.nextCursor }).toString())}">Next page</a></p>` : '';
    const body = `<form action="/plain/" method="get" role="search"><input type="search" name="q" value="${escapeHtml(q)}" placeholder="Search articles" aria-label="Search articles"><button>Search</button></form>
<h2>${heading}</h2><ol class="articles">${rows.join('\n') || '<li>No articles.</li>'}</ol>${next}`;
    return reply.type('text/html; charset=utf-8').send(page('wiregraph', body));
  });

  app.get<{ Params: { id: string } }>('/plain/articles/:id', { schema: { hide: true } }, async (request, reply) => {
    const doc = await store.get(request.params.id);
    if (!doc) return reply.status(404).type('text/html; charset=utf-8').send(page('Not found', '<p>No stored article has that id.</p><p><a href="/plain/">All articles</a></p>'));
    const m = doc.meta;
    const paragraphs = doc.text.split(/\n\s*\n/u).map((p, i) => (i === 0 && p === m.headline ? `<h2>${escapeHtml(p)}</h2>` : `<p>${escapeHtml(p)}</p>`)).join('\n');
    const facts = [m.outlet, m.published, m.dateline ? `${m.dateline.place} (${m.dateline.credits.join('/')})` : null].filter(Boolean).map((f) => escapeHtml(String(f))).join(' · ');
    return reply.type('text/html; charset=utf-8').send(page(m.headline ?? doc.id, `<p><a href="/plain/">All articles</a></p><article><p class="meta">${facts}</p>${paragraphs}</article><p class="meta">id ${escapeHtml(doc.id)} · <a href="/api/articles/${encodeURIComponent(doc.id)}">wiregraph/1 JSON</a></p>`));
  });
}

function row(id: string, headline: string | null, outlet: string | null, published: string | null, snippet: string | null): string {
  const meta = [outlet, published].filter(Boolean).map((v) => escapeHtml(String(v))).join(' · ');
  return `<li><a href="/plain/articles/${encodeURIComponent(id)}">${escapeHtml(headline ?? '(no headline)')}</a> <span class="meta">${meta}</span>${snippet ? `<div class="snippet">${snippet}</div>` : ''}</li>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/style.css"></head><body><header><h1><a href="/plain/">wiregraph</a></h1></header><main>${body}</main></body></html>`;
}

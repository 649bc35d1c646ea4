import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { api, type Doc } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { ArticleStory } from './article-story.js';
import { channelsText, loaded, QUOTE_KIND, reportedBy } from './common.js';
import { headlineEnd, inHeadline, OutletChain } from './outlet-chain.js';

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'entity' | 'quote' | 'timex' | 'highlight';
  readonly className: string;
  readonly title: string;
  readonly entity?: string;
}

/** The marks over an article's text: entity mentions, quote contents, timexes, and the highlighted source span. */
function marks(doc: Doc, highlight: { start: number; end: number } | null): Mark[] {
  return [
    ...doc.quotes.filter((q) => !inHeadline(doc, q)).map((q): Mark => ({ start: q.content.start, end: q.content.end, kind: 'quote', className: `quote ${q.kind}`, title: `${QUOTE_KIND[q.kind] ?? 'Quote'}: ${q.speakerText ?? 'unnamed'} (${q.cue.text})${channelsText(q.sources.map((c) => c.text))}` })),
    ...doc.entities.flatMap((e) => e.mentions.map((m): Mark => ({ start: m.start, end: m.end, kind: 'entity', className: `entity ${e.type}`, title: `${e.name} (${e.type})`, entity: e.id }))),
    ...doc.timexes.map((t): Mark => ({ start: t.start, end: t.end, kind: 'timex', className: 'timex', title: `${t.type} ${t.value}` })),
    ...(highlight ? [{ ...highlight, kind: 'highlight' as const, className: 'highlight', title: 'source' }] : []),
  ].filter((m) => m.end > m.start);
}

/**
 * The text cut at every mark boundary; each piece carries the marks over it. The text is always rendered as
 * text nodes: nothing from the input is ever parsed as HTML.
 */
function pieces(text: string, all: readonly Mark[]): Array<{ text: string; start: number; over: Mark[] }> {
  const cuts = [...new Set([0, text.length, ...all.flatMap((m) => [m.start, m.end])])].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: Array<{ text: string; start: number; over: Mark[] }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    out.push({ text: text.slice(a, b), start: a, over: all.filter((m) => m.start <= a && m.end >= b) });
  }
  return out;
}

/** The article reader: coloured entities (click for their page), quotes with their speaker, timexes with their value, and events beside the text. */
export function ArticleView({ id, params }: { id: string; params: URLSearchParams }): VNode {
  const doc = useLoad(`article:${id}`, async () => {
    const [d, globals] = await Promise.all([api.article(id), api.articleEntities(id)]);
    return { ...d, globals: new Map(globals.items.map((g) => [g.localId, g.entity])) };
  });
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const highlight = params.has('start') && end > start ? { start, end } : null;
  useEffect(() => {
    if (doc.state === 'ok') document.querySelector('.highlight')?.scrollIntoView({ block: 'center' });
  }, [doc.state, id, params.toString()]);
  return loaded(doc, (d) => html`<div class="reader">
    <article>
      <h2>${d.meta.headline ?? '(no headline)'}</h2>
      <${OutletChain} doc=${d} />
      <${ArticleStory} story=${d.story} article=${d.id} />
      <div class="text">${from(pieces(d.text, marks(d, highlight)), bodyStart(d, highlight)).map((p) => render(p, d))}</div>
    </article>
    <aside>
      <h3>Events</h3>
      <ul class="events">${d.events.length === 0 ? html`<li class="muted">None.</li>` : d.events.map((e) => html`<li class="event">
        ${e.source.map((a) => nameOf(d, a)).join(', ')} <strong title=${`CAMEO ${e.cameo}`}>${e.plover ?? e.cameo}</strong> ${e.target.map((a) => nameOf(d, a)).join(', ')}
        ${e.mode !== 'asserted' ? html` <span class="mode">${e.mode}</span>` : null}${e.reportedBy ? reportedBy(e.reportedBy.name, quoteSpan(d, e.quote), d.id) : null}${e.date ? html` <span class="date">${e.date}</span>` : null}
        <a class="source" href=${href(['article', d.id], { sentence: e.sentence, start: e.trigger.start, end: e.trigger.end })}>source</a>
      </li>`)}</ul>
      <h3>Quotes</h3>
      <ul class="quotes">${d.quotes.filter((q) => !inHeadline(d, q)).map((q) => html`<li class=${`quote-item ${q.kind}`}><span class="kind">${QUOTE_KIND[q.kind] ?? q.kind}</span> <strong>${q.speakerText ?? 'unnamed'}</strong> ${q.cue.text}${q.sources.length > 0 ? html`<span class="channels">${channelsText(q.sources.map((c) => c.text))}</span>` : null}: <a href=${href(['article', d.id], { start: q.content.start, end: q.content.end })}>${excerpt(q.content.text, q.kind === 'direct')}</a></li>`)}</ul>
    </aside>
  </div>`);
}

/**
 * Where the reader's text begins: after the headline when the text repeats the heading above it (and the blank
 * lines after it), unless the highlighted span is in the headline.
 */
function bodyStart(doc: Doc, highlight: { start: number } | null): number {
  const end = headlineEnd(doc);
  if (end === 0 || (highlight && highlight.start < end)) return 0;
  return end + (/^\s*/u.exec(doc.text.slice(end))?.[0].length ?? 0);
}

/** The pieces from an offset on, the one it falls in cut there. */
function from<P extends { text: string; start: number }>(all: readonly P[], start: number): P[] {
  return all.flatMap((p) => (p.start + p.text.length <= start ? [] : p.start >= start ? [p] : [{ ...p, text: p.text.slice(start - p.start), start }]));
}

/** A quote's first 80 characters, in quote marks only when it is the speaker's own words. */
function excerpt(text: string, direct: boolean): string {
  const cut = `${text.slice(0, 80)}${text.length > 80 ? '…' : ''}`;
  return direct ? `“${cut}”` : cut;
}

/** The span and channels of the quote an event of the article is known from. */
function quoteSpan(doc: Doc, id: string | null): { start: number; end: number; channels: string[] } | null {
  const q = id ? doc.quotes.find((x) => x.id === id) : undefined;
  return q ? { start: q.content.start, end: q.content.end, channels: q.sources.map((c) => c.text) } : null;
}

/** An event actor's entity name in the article, else the words that name it. */
function nameOf(doc: Doc, a: { text: string; entity: string | null }): string {
  return (a.entity ? doc.entities.find((e) => e.id === a.entity)?.name : undefined) ?? a.text;
}

function render(p: { text: string; start: number; over: Mark[] }, doc: Doc & { globals: Map<string, number> }): VNode | string {
  if (p.over.length === 0) return p.text;
  const entity = p.over.find((m) => m.kind === 'entity');
  const classes = p.over.map((m) => m.className).join(' ');
  const title = p.over.map((m) => m.title).join(' · ');
  const global = entity ? doc.globals.get(entity.entity!) : undefined;
  // Note: what a mark says shows on focus as on hover (data-tip, style.css), where a title tooltip shows to a mouse
  // only; each quote and timex is one stop of the tab order, at its first piece.
  if (global !== undefined) return html`<a class=${classes} data-tip=${title} aria-description=${title} href=${href(['entity', global])}>${p.text}</a>`;
  const stop = p.over.some((m) => m.start === p.start && (m.kind === 'quote' || m.kind === 'timex' || m.kind === 'entity'));
  return html`<span class=${classes} data-tip=${title} aria-description=${title} tabindex=${stop ? 0 : undefined}>${p.text}</span>`;
}

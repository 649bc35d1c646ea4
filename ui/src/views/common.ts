import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { EventActor, StoredEvent, Quote } from '../api.js';
import type { Loaded } from '../hooks.js';
import { href, sourceHref } from '../router.js';

/** Shows a request's state, or renders its value. */
export function loaded<T>(l: Loaded<T>, render: (value: T) => VNode | VNode[] | string | null): VNode {
  if (l.state === 'loading') return html`<p class="muted">Loading…</p>`;
  if (l.state === 'error') return html`<p class="error" role="alert">${l.message}</p>`;
  return html`${render(l.value)}`;
}

/** An actor's name, linked to its entity page when it is one. */
export function actorLink(a: EventActor): VNode {
  const label = a.name ?? a.text;
  return a.entity !== null ? html`<a href=${href(['entity', a.entity])}>${label}</a>` : html`<span>${label}</span>`;
}

/**
 * How widely a fact was carried, when more than one copy carried it: "3 copies, 2 outlets, 1 independent
 * source" (a story of one agency in twelve outlets is one source).
 */
export function carried(f: { copies: number; outlets: number; sources: number }): VNode | null {
  if (f.copies <= 1) return null;
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  return html` <span class="carried">${n(f.copies, 'copy', 'copies')}, ${n(f.outlets, 'outlet', 'outlets')}, ${n(f.sources, 'independent source', 'independent sources')}</span>`;
}

/**
 * Who an event only reported is reported by ("reported by Seoul"), linked to the quote in the reader, with the
 * channels it came through.
 */
export function reportedBy(name: string, quote: { start: number; end: number; channels?: readonly string[] } | null, article: string): VNode {
  const via = channelsText(quote?.channels ?? []);
  return html` <span class="reported">reported by ${quote ? html`<a href=${href(['article', article], { start: quote.start, end: quote.end })}>${name}</a>` : name}${via}</span>`;
}

/** A quote's channel chain as words (`, via the state-run Korean Central News Agency`), outermost last; empty without one. */
export function channelsText(channels: readonly string[]): string {
  return channels.length > 0 ? `, via ${channels.join(' via ')}` : '';
}

/** One event as a line: source, action, target, mode, who reports it, date and a link to its sentence. */
export function eventLine(e: StoredEvent): VNode {
  return html`<li class=${`event ${e.quad}`}>
    <span class="sides">${e.sourceActors.map((a, i) => html`${i > 0 ? ', ' : ''}${actorLink(a)}`)}</span>
    <span class="action" title=${`CAMEO ${e.cameo}`}> ${e.plover ?? `CAMEO ${e.cameo}`} (${e.trigger}) </span>
    <span class="sides">${e.targetActors.map((a, i) => html`${i > 0 ? ', ' : ''}${actorLink(a)}`)}</span>
    ${e.mode !== 'asserted' ? html` <span class="mode">${e.mode}</span>` : null}${e.reportedBy ? reportedBy(e.reportedBy.name, e.quote, e.source.article) : null}
    ${e.date ? html` <span class="date">${e.date}</span>` : null}${carried(e)}
    <a class="source" href=${sourceHref(e.source)}>source</a>
  </li>`;
}

/** What a quote's kind is called where it is shown: a paraphrase is not the speaker's own words. */
export const QUOTE_KIND: Record<string, string> = { direct: 'direct quote', indirect: 'paraphrase', mixed: 'partly quoted' };

/**
 * Whether a quote is the headline's credit (`North Korea to boost ...: state media`): the headline is the outlet's
 * words, which it credits to a source, not a quote with a cue.
 */
export function isHeadlineCredit(q: Quote): boolean {
  return q.source.start === 0 && q.source.headline !== null && q.source.headline.startsWith(q.content) && q.source.headline.length > q.content.length;
}

/**
 * One quote: its content (in quote marks only when direct), then in one line its kind, speaker and cue, the channels
 * it came through, its date and article, and a link to its sentence.
 */
export function quoteLine(q: Quote): VNode {
  if (isHeadlineCredit(q)) {
    return html`<li class="quote-item headline-credit">
      <span class="kind">headline</span> <span class="attribution">“${q.source.headline}”, credited to <strong>${q.speakerText ?? 'unnamed'}</strong></span>
      <a class="source" href=${sourceHref(q.source)}>source</a>
    </li>`;
  }
  return html`<li class=${`quote-item ${q.kind}`}>
    <blockquote>${q.kind === 'direct' ? `“${q.content}”` : q.content}</blockquote>
    <span class="kind">${QUOTE_KIND[q.kind] ?? q.kind}</span>
    <span class="attribution"><strong>${q.speakerText ?? 'unnamed'}</strong> ${q.cue}${q.channels.length > 0 ? html`<span class="channels">${channelsText(q.channels)}</span>` : null}</span>
    <span class="muted">${q.date ? ` · ${q.date}` : ''} · ${q.source.headline ?? q.source.article}</span>${carried(q)}
    <a class="source" href=${sourceHref(q.source)}>source</a>
  </li>`;
}

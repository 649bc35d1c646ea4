import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Doc } from '../api.js';
import { formatPublished } from './story-timeline.js';

/** One link of an article's outlet chain: the name shown, the full name when shortened, and what it was. */
interface ChainLink {
  readonly name: string;
  readonly full: string | null;
  readonly role: string;
}

type DocQuote = Doc['quotes'][number];

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'de']);

/** An agency's short name: the initials of a name of three words or more (`Korean Central News Agency`: KCNA), else the name. */
export function shortName(name: string): string {
  const words = name.split(/\s+/u).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  return words.length >= 3 && words.every((w) => /^\p{Lu}/u.test(w)) ? words.map((w) => w[0]).join('') : name;
}

/** Where the headline ends in the text, when the text begins with it; 0 otherwise. */
export function headlineEnd(doc: Doc): number {
  const h = doc.meta.headline;
  return h && doc.text.startsWith(h) ? h.length : 0;
}

/**
 * Whether a quote is the headline's credit (`...: state media`): the headline is no one's words but the outlet's,
 * so the reader does not list it as a quote; the chain says whom the headline credits.
 */
export function inHeadline(doc: Doc, q: DocQuote): boolean {
  return q.content.end <= headlineEnd(doc);
}

/**
 * The channels the article's claims came through: those its quotes name as an entity (`the state-run Korean
 * Central News Agency`), in the order they first appear; when none is named, the words of the headline's and the
 * lead's channels (`state media`).
 */
function claimChannels(doc: Doc): ChainLink[] {
  const named = new Map<string, string>();
  for (const q of doc.quotes) {
    for (const c of q.sources) {
      const entity = c.entity ? doc.entities.find((e) => e.id === c.entity) : undefined;
      if (entity) named.set(entity.name, entity.name);
    }
  }
  if (named.size > 0) return [...named.keys()].map((n) => ({ name: shortName(n), full: shortName(n) === n ? null : n, role: 'channel of its claims' }));
  const lead = doc.sentences[1]?.end ?? 0;
  const generic = new Set(doc.quotes.filter((q) => q.content.start < lead).flatMap((q) => [...q.sources.map((c) => c.text), ...(inHeadline(doc, q) && q.speakerText ? [q.speakerText] : [])]));
  return [...generic].map((n) => ({ name: n, full: null, role: 'channel of its claims' }));
}

/** The chain from the channels of the article's claims to the outlet: KCNA → AFP → BSS on the seed story. */
export function outletChain(doc: Doc): ChainLink[] {
  const d = doc.meta.dateline;
  const links: ChainLink[] = [...claimChannels(doc)];
  const push = (name: string | null | undefined, role: string): void => {
    if (name && !links.some((l) => l.name === name)) links.push({ name, full: null, role });
  };
  push(d?.originator, 'originator');
  push(d?.republisher !== d?.originator ? d?.republisher : null, 'republisher');
  push(doc.meta.outlet, 'outlet');
  return links;
}

/** The article's header line: its outlet chain, each link named with its role, the publication time, and whom the headline credits. */
export function OutletChain({ doc }: { doc: Doc }): VNode {
  const links = outletChain(doc);
  const credited = [...new Set(doc.quotes.filter((q) => inHeadline(doc, q) && q.speakerText).map((q) => q.speakerText!))];
  return html`<div class="outlet-line">
    ${links.length > 0 ? html`<ol class="outlet-chain" aria-label="Outlet chain: who relayed the story to the outlet">${links.map((l) => html`<li>
      <strong>${l.full ? html`<abbr title=${l.full}>${l.name}</abbr>` : l.name}</strong>
      <span class="chain-role">${l.full ? `${l.full}, ` : ''}${l.role}</span>
    </li>`)}</ol>` : null}
    <p class="muted">${[doc.meta.published ? formatPublished(doc.meta.published) : null, doc.meta.dateline?.place ?? null, credited.length > 0 ? `headline credits ${credited.join(', ')}` : null].filter(Boolean).join(' · ')}</p>
  </div>`;
}

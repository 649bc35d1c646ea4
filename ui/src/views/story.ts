import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api, type StoryCopyDiff, type StoryDetail } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { loaded } from './common.js';
import { diffSummary, StoryDiff } from './story-diff.js';
import { formatPublished, outletName, StoryTimeline } from './story-timeline.js';

/** Copies whose diffs are shown at first; a story carried by hundreds of outlets shows the rest on request. */
const FIRST_COPIES = 40;

/** What the page says a role means. */
const ROLE_HELP: Record<StoryCopyDiff['role'], string> = {
  original: 'the earliest copy',
  copy: 'the same story, cut, retitled or lightly edited',
  version: 'a rolling version: a new lead or paragraphs added',
};

/** The line under a copy saying what it is compared with and what changed. */
function comparison(story: StoryDetail, copy: StoryCopyDiff): VNode {
  if (copy.against === null) return html`<p class="muted">${copy.role === 'original' ? 'The first copy: the others are compared with it or with a later copy.' : 'Compared with no earlier copy.'}</p>`;
  const other = story.copies[copy.against];
  const name = other ? `copy ${copy.against + 1} (${outletName(other)}, ${formatPublished(other.published)})` : `copy ${copy.against + 1}`;
  if (other && other.article === copy.article) return html`<p class="muted">The same text as ${name}, carried by another outlet or at another address.</p>`;
  return html`<p>Against ${name}: ${diffSummary(copy.diff)}.</p>`;
}

/** One copy in the list: number, role, outlet, time, headline linked to its article, source address and diff. */
function copyItem(story: StoryDetail, copy: StoryCopyDiff, index: number): VNode {
  const sameText = copy.against !== null && story.copies[copy.against]?.article === copy.article;
  return html`<li class="copy-item" id=${`copy-${index + 1}`}>
    <h4><span class="copy-number">${index + 1}.</span> <span class=${`role ${copy.role}`} title=${ROLE_HELP[copy.role]}>${copy.role}</span> <a href=${href(['article', copy.article])}>${copy.headline ?? '(no headline)'}</a></h4>
    <p class="muted">${outletName(copy)} · <time datetime=${copy.published ?? undefined}>${formatPublished(copy.published)}</time>${copy.url ? html` · <a href=${copy.url} rel="noopener noreferrer" target="_blank">at the outlet</a>` : null}</p>
    ${comparison(story, copy)}
    ${copy.diff.length > 0 && !sameText ? html`<${StoryDiff} diff=${copy.diff} />` : null}
  </li>`;
}

/** The story's facts in one line: originator, first copy, copies, outlets and distinct texts. */
function facts(story: StoryDetail): VNode {
  const first = story.copies[0];
  const outlets = new Set(story.copies.map(outletName)).size;
  const texts = new Set(story.copies.map((c) => c.article)).size;
  return html`<dl class="story-facts">
    <div><dt>Originated by</dt><dd>${story.originator ?? 'unknown (no agency credit found)'}</dd></div>
    <div><dt>First copy</dt><dd>${first ? html`<a href=${href(['article', first.article])}>${outletName(first)}, ${formatPublished(first.published)}</a>` : 'none'}</dd></div>
    <div><dt>Copies</dt><dd>${story.copies.length} in ${outlets} outlet${outlets === 1 ? '' : 's'}, ${texts} distinct text${texts === 1 ? '' : 's'}</dd></div>
  </dl>`;
}

/** A related story as the page lists it. */
interface RelatedLink {
  readonly id: number;
  readonly headline?: string | null;
  readonly originator?: string | null;
  readonly reasons?: readonly string[];
}

/**
 * Related coverage (the same event from other agencies), each linked to its story with what relates it.
 * Note: the API gave related stories as ids and now gives them as objects; both are read, so the page
 * works against either.
 */
function relatedList(story: StoryDetail): VNode | null {
  const related = (story.related as readonly unknown[]).map((r): RelatedLink => (typeof r === 'number' ? { id: r } : (r as RelatedLink)));
  if (related.length === 0) return null;
  return html`<h3>Related coverage</h3><p class="muted">The same event reported by other agencies: separate stories, never merged.</p><ul class="related">${related.map((r) => html`<li>
    <a href=${href(['stories', r.id])}>${r.headline ?? `Story ${r.id}`}</a>${r.originator ? html` <span class="muted">originated by ${r.originator}</span>` : null}
    ${r.reasons && r.reasons.length > 0 ? html`<span class="muted"> · ${r.reasons.join('; ')}</span>` : null}
  </li>`)}</ul>`;
}

/** A story's page: originator, first copy, the copies on a time line by outlet, and each copy with its role and diff. */
export function StoryView({ id }: { id: number }): VNode {
  const story = useLoad(`story:${id}`, () => api.story(id));
  const [all, setAll] = useState(false);
  return loaded(story, (s) => {
    const shown = all ? s.copies : s.copies.slice(0, FIRST_COPIES);
    return html`<section class="story">
      <p class="muted"><a href=${href(['stories'])}>Stories</a> › story ${s.id}</p>
      <h2>${s.copies[0]?.headline ?? `Story ${s.id}`}</h2>
      ${facts(s)}
      <h3>Copies on a time line</h3>
      <${StoryTimeline} copies=${s.copies} />
      <h3>Copies and what each changed</h3>
      <p class="muted">Each copy is compared with the closest earlier one: cut paragraphs are struck out, added ones underlined, edited ones shown word by word. Roles: ${(['original', 'copy', 'version'] as const).map((r, i) => html`${i > 0 ? '; ' : ''}<strong>${r}</strong>, ${ROLE_HELP[r]}`)}.</p>
      <ol class="copies">${shown.map((c, i) => copyItem(s, c, i))}</ol>
      ${shown.length < s.copies.length ? html`<button type="button" onClick=${() => setAll(true)}>Show all ${s.copies.length} copies</button>` : null}
      ${relatedList(s)}
    </section>`;
  });
}

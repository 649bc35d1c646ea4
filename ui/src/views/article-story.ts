import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api, type StoryRef } from '../api.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { formatPublished, outletName } from './story-timeline.js';

/** Other copies listed in the reader; the story page has them all. */
const LISTED = 8;

/** "Copy 3 of 12 of a story originated by AFP", or "The only copy of its story". */
export function storySentence(story: StoryRef): string {
  const by = story.originator ? ` originated by ${story.originator}` : '';
  if (story.copies === 1) return `The only copy of its story${by ? `,${by}` : ''}.`;
  return `Copy ${story.position} of ${story.copies} of a story${by}.`;
}

/** The story's other copies, each linked to its article; copies of this very text are named without a link. */
function OtherCopies({ story, article }: { story: StoryRef; article: string }): VNode | null {
  const detail = useLoad(`story-copies:${story.id}`, () => api.storyCopies(story.id));
  if (detail.state !== 'ok') return detail.state === 'error' ? html`<p class="error" role="alert">${detail.message}</p>` : null;
  const copies = detail.value.copies.map((c, i) => ({ ...c, number: i + 1 })).filter((c) => c.number !== story.position);
  const listed = copies.slice(0, LISTED);
  return html`<ol class="other-copies" aria-label="The story's other copies">${listed.map((c) => {
    const name = `${outletName(c)}, ${formatPublished(c.published)}`;
    return html`<li>
      <span class="copy-number">${c.number}.</span>
      ${c.article === article ? html`<span>${name} (this text)</span>` : html`<a href=${href(['article', c.article])}>${name}</a>`}
      <span class="muted"> ${c.role}</span>
    </li>`;
  })}${copies.length > listed.length ? html`<li class="muted">and ${copies.length - listed.length} more on the story page</li>` : null}</ol>`;
}

/** The reader's line about the article's story, with a link to the story page and to the other copies. */
export function ArticleStory({ story, article }: { story: StoryRef | null; article: string }): VNode | null {
  if (!story) return null;
  return html`<nav class="story-line" aria-label="This article's story">
    <p>${storySentence(story)} <a href=${href(['stories', story.id])}>${story.copies === 1 ? 'The story page' : `All ${story.copies} copies and what each changed`}</a></p>
    ${story.copies > 1 ? html`<${OtherCopies} story=${story} article=${article} />` : null}
  </nav>`;
}

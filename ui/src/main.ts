import { html } from 'htm/preact';
import { render, type VNode } from 'preact';
import { useRoute, href } from './router.js';
import { ArticleView } from './views/article.js';
import { filterKey, filtersOf } from './filters.js';
import { EntityView } from './views/entity.js';
import { FactsView } from './views/facts.js';
import { lazyView } from './lazy.js';
import { SearchView } from './views/search.js';
import { StoriesView } from './views/stories.js';
import { StoryView } from './views/story.js';
import { TimelineView } from './views/timeline.js';

const NetworkView = lazyView(() => import('./views/network.js').then((m) => m.NetworkView));
const MapView = lazyView(() => import('./views/map.js').then((m) => m.MapView));

function App(): VNode {
  const { path, params } = useRoute();
  const [page, arg] = path;
  const actor = params.has('actor') ? Number(params.get('actor')) : undefined;
  let view: VNode;
  if (page === 'article' && arg) view = html`<${ArticleView} id=${arg} params=${params} />`;
  else if (page === 'entity' && arg) view = html`<${EntityView} id=${Number(arg)} />`;
  else if (page === 'stories' && arg) view = html`<${StoryView} key=${arg} id=${Number(arg)} />`;
  else if (page === 'stories') view = html`<${StoriesView} params=${params} />`;
  else if (page === 'network') view = html`<${NetworkView} key=${`${actor}:${filterKey(filtersOf(params))}`} actor=${actor} params=${params} />`;
  else if (page === 'timeline') view = html`<${TimelineView} actor=${actor} params=${params} />`;
  else if (page === 'map') view = html`<${MapView} params=${params} />`;
  else if (page === 'facts') view = html`<${FactsView} params=${params} />`;
  else view = html`<${SearchView} params=${params} />`;
  // Note: the section the page belongs to is marked for screen readers (aria-current) and in bold.
  const section = page === 'stories' || page === 'network' || page === 'timeline' || page === 'map' || page === 'facts' ? page : page === undefined ? '' : null;
  const link = (to: string, label: string): VNode => html`<a href=${href(to ? [to] : [])} aria-current=${section === to ? 'page' : undefined}>${label}</a>`;
  return html`<header><h1><a href=${href([])}>wiregraph</a></h1><nav>${link('', 'Home')} ${link('facts', 'Events & quotes')} ${link('stories', 'Stories')} ${link('network', 'Network')} ${link('timeline', 'Timeline')} ${link('map', 'Map')} <a href="/plain/">Plain pages</a> <a href="/openapi.json">API</a></nav></header><main>${view}</main>`;
}

/** Whether a key press is typing (in a field), which `/` must not interrupt. */
const typing = (target: EventTarget | null): boolean => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `/` focuses the search box; from another page it opens the search page first. */
function focusSearchOnSlash(event: KeyboardEvent): void {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  event.preventDefault();
  const box = (): HTMLInputElement | null => document.querySelector<HTMLInputElement>('main input[type=search]');
  if (box()) return box()!.focus();
  location.hash = href([]);
  // Note: the search page renders on the next frames; focus its box once it is there.
  let frames = 0;
  const later = (): void => {
    if (box()) box()!.focus();
    else if (frames++ < 30) requestAnimationFrame(later);
  };
  requestAnimationFrame(later);
}

addEventListener('keydown', focusSearchOnSlash);
render(html`<${App} />`, document.getElementById('app')!);

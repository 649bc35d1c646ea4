/**
 * Boilerplate removal that cannot destroy the article: a block goes only when it is small or link-dense,
 * and never when it holds the article (an `<article>`, `<main>`, the schema.org article body, or most of the
 * page's text). A class name alone (`share`, `related`) never removes a wrapper of the whole story.
 */

/** The DOM members the cleaning uses (linkedom's elements have them). */
export interface CleanElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: CleanElement | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<CleanElement> & Iterable<CleanElement>;
  querySelector(selector: string): CleanElement | null;
  remove(): void;
}

const STRUCTURAL = 'nav, aside, footer, dialog, body > header, [role="navigation"], [role="dialog"], [role="alertdialog"], [role="complementary"], [role="contentinfo"], [aria-modal="true"]';
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletters?|subscribe|subscription|related|share|sharing|social|promo|advert|ads?|breadcrumbs?|paywall|comments?|banner|sidebar|popup|modal|outbrain|taboola|read-?more|more-stories|recommended|signup|sign-up|caption|credits?|tags?)(?:[\s_-]|$)/iu;
const HOLDS_ARTICLE = 'article, main, [itemprop="articleBody"], [role="main"]';
const NEVER = new Set(['HTML', 'BODY', 'ARTICLE', 'MAIN']);

const textLength = (el: CleanElement): number => collapsedLength(el.textContent ?? '');

const SPACE = /\s/u;

/**
 * The length of a text with each run of whitespace collapsed to one space and the ends trimmed, counted
 * without building that text. Note: `replace(/\s+/g, ' ')` over a page's 8 MB text, once per element
 * checked, made the garbage collector the reader's main cost.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]!));
    if (space) pendingSpace = length > 0;
    else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

/** The share of an element's text that sits inside links. */
export function linkDensity(el: CleanElement): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textLength(a);
  return Math.min(1, linked / total);
}

/** The element's class and id, for matching names. */
const names = (el: CleanElement): string => `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;

/**
 * Whether a block is boilerplate that may go: it must not hold the article, and it must be either
 * link-dense (half its text in links) or small against the page (a tenth of the text, at most 1,500
 * characters). `bodyLength` is the text length of the page or fragment being cleaned.
 */
function removable(el: CleanElement, bodyLength: number): boolean {
  if (NEVER.has(el.tagName.toUpperCase()) || el.querySelector(HOLDS_ARTICLE) !== null) return false;
  const length = textLength(el);
  if (length > bodyLength * 0.4) return false;
  return linkDensity(el) >= 0.5 || length <= Math.min(1500, Math.max(200, bodyLength * 0.1));
}

/**
 * Removes navigation, asides, footers, dialogs and blocks named like boilerplate (cookie banners, share bars,
 * related links, newsletter boxes, comments) from a page, each only when {@link removable} says so.
 * @param body - the page's `<body>`
 */
export function cleanPage(body: CleanElement): void {
  const bodyLength = textLength(body);
  for (const el of [...body.querySelectorAll(STRUCTURAL)]) {
    if (removable(el, bodyLength)) el.remove();
  }
  for (const el of [...body.querySelectorAll('[id], [class]')]) {
    if (BOILERPLATE_NAME.test(names(el)) && isAttached(el, body) && removable(el, bodyLength)) el.remove();
  }
}

const LEAD_IN = /^(?:read more|related(?: stories| articles| content| coverage)?|more from|more on this|see also|recommended|you may also like|most read|most popular|trending|sign up|subscribe|follow us|share this|advertisement)\b/iu;

/**
 * Removes what does not belong to an article from the article content a reader found: blocks named like
 * boilerplate that are small or link-dense, link lists introduced as "Read more" or "Related", and short
 * lead-in lines such as "Advertisement" or "Sign up for our newsletter".
 * @param root - the article content
 */
export function pruneContent(root: CleanElement): void {
  const total = textLength(root);
  for (const el of [...root.querySelectorAll('[id], [class]')]) {
    if (BOILERPLATE_NAME.test(names(el)) && isAttached(el, root) && removable(el, total) && (linkDensity(el) >= 0.5 || textLength(el) < 200)) el.remove();
  }
  for (const list of [...root.querySelectorAll('ul, ol')]) {
    const heading = previousElement(list);
    if (linkDensity(list) >= 0.7 && heading !== null && LEAD_IN.test((heading.textContent ?? '').trim()) && textLength(heading) < 80) {
      heading.remove();
      list.remove();
    }
  }
  for (const el of [...root.querySelectorAll('p, div, h2, h3, h4, span')]) {
    if (isAttached(el, root) && el.querySelector('p, div') === null && isLeadInLine(el)) el.remove();
  }
}

const LEAD_IN_ONLY = /^(?:read more|related(?: stories| articles| content| coverage)?|more from [^.]{0,40}|see also|advertisement|recommended(?: for you)?|you may also like|most read|most popular)\s*:?$/iu;
const CALL_TO_ACTION = /^(?:sign up for|subscribe to|follow us on|share this (?:article|story|page))\b/iu;

/** A short line that only introduces links or asks the reader to act: `Read more:`, `Advertisement`, `Sign up for our newsletter`. */
function isLeadInLine(el: CleanElement): boolean {
  const raw = el.textContent ?? '';
  const length = collapsedLength(raw);
  if (length === 0 || length >= 120) return false;
  const text = raw.replace(/\s+/gu, ' ').trim();
  return LEAD_IN_ONLY.test(text) || CALL_TO_ACTION.test(text) || (LEAD_IN.test(text) && linkDensity(el) >= 0.3);
}

function isAttached(el: CleanElement, root: CleanElement): boolean {
  for (let at: CleanElement | null = el; at !== null; at = at.parentElement) if (at === root) return true;
  return false;
}

function previousElement(el: CleanElement): CleanElement | null {
  const sibling = (el as unknown as { previousElementSibling: CleanElement | null }).previousElementSibling;
  return sibling ?? null;
}

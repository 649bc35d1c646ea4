/**
 * Limits on how deep and how big a page is read. The HTML parser (linkedom over htmlparser2) and Readability
 * take time superlinear in nesting depth, so markup nested past {@link MAX_MARKUP_DEPTH} is flattened before
 * parsing, by one linear scan of the tags; and Readability is skipped for pages deeper than
 * {@link READABILITY_MAX_DEPTH} or with more than {@link READABILITY_MAX_ELEMENTS} elements.
 */
import { walkTree, type DomNode } from './html-text.js';

/** Elements nested deeper than this are flattened (their tags dropped, their text kept). */
export const MAX_MARKUP_DEPTH = 1000;
/** Pages nested deeper than this are not given to Readability. */
export const READABILITY_MAX_DEPTH = 250;
/** Pages with more elements than this are not given to Readability. */
export const READABILITY_MAX_ELEMENTS = 30_000;

// Note: the elements htmlparser2 never opens (void) and those whose content is text up to their own end tag.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'frame', 'isindex']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
// Note: an open tag of one of these closes an open one of the same name, as the parser does (`<p>a<p>b` are siblings).
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);

const TAG_NAME = /\/?([A-Za-z][A-Za-z0-9:-]*)/y;

/** Markup with its nesting capped, and how many tags were dropped to cap it. */
export interface CappedMarkup {
  readonly html: string;
  readonly dropped: number;
}

interface Open {
  readonly name: string;
  readonly dropped: boolean;
}

/**
 * Flattens markup nested deeper than `max`: a tag opened past that depth, and its end tag, are replaced (a
 * block's by `<br>`, so its text stays a paragraph of its own; others by nothing), the text kept. One pass
 * over the string, tracking open elements as the parser would (end tags close up to their match, stray
 * ones are ignored), so the time is linear in the markup's length.
 */
export function capMarkupDepth(html: string, max = MAX_MARKUP_DEPTH): CappedMarkup {
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  const pieces: string[] = [];
  let copiedTo = 0;
  let dropped = 0;
  let nextGt = -1;
  const replace = (from: number, to: number, name: string): void => {
    pieces.push(html.slice(copiedTo, from), BLOCKS.has(name) ? '<br>' : '');
    copiedTo = to;
    dropped++;
  };
  const pop = (): Open => {
    const top = stack.pop()!;
    openCount.set(top.name, openCount.get(top.name)! - 1);
    return top;
  };
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    TAG_NAME.lastIndex = i + 1;
    const match = TAG_NAME.exec(html);
    // Note: the position of the next `>` is kept, so that a page of `<` without `>` is scanned once, not once per `<`.
    if (nextGt < i) nextGt = html.indexOf('>', i);
    if (match === null || nextGt < 0) {
      if (nextGt < 0) break;
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = nextGt + 1;
    const name = match[1]!.toLowerCase();
    if (match[0].startsWith('/')) {
      if ((openCount.get(name) ?? 0) > 0) {
        let top = pop();
        while (top.name !== name) top = pop();
        if (top.dropped) replace(i, end, name);
      }
      i = html.indexOf('<', end);
      continue;
    }
    if (VOID.has(name)) {
      i = html.indexOf('<', end);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack.at(-1)?.name === name) pop();
    const drop = stack.length >= max;
    if (drop) replace(i, end, name);
    stack.push({ name, dropped: drop });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    i = RAW_TEXT.has(name) ? rawTextEnd(html, end, name) : html.indexOf('<', end);
  }
  if (dropped === 0) return { html, dropped };
  pieces.push(html.slice(copiedTo));
  return { html: pieces.join(''), dropped };
}

/** Where the end tag of a raw-text element (`</script`) starts, or -1 when there is none. */
function rawTextEnd(html: string, from: number, name: string): number {
  const end = new RegExp(`</${name}`, 'giu');
  end.lastIndex = from;
  return end.exec(html)?.index ?? -1;
}

/** How deep and how big a parsed page is. */
export interface DomSize {
  readonly depth: number;
  readonly elements: number;
}

/** Measures a DOM subtree without recursion: its deepest element's depth and its number of elements. */
export function measureDom(root: DomNode): DomSize {
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  walkTree(
    root,
    (node) => {
      if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return { descend: false };
      if (node.nodeType === 1) elements++;
      depth++;
      if (depth > deepest) deepest = depth;
      return { descend: true };
    },
    () => {
      depth--;
    },
  );
  return { depth: deepest, elements };
}

/** Whether Readability should read a page of this size. */
export function readabilityCanRead(size: DomSize): boolean {
  return size.depth <= READABILITY_MAX_DEPTH && size.elements <= READABILITY_MAX_ELEMENTS;
}

import { cleanSpaces } from './spaces.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
// Note: a caption describes a picture, not the story, so it is left out of the text (as article-body benchmarks do).
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'FORM', 'FIGCAPTION', 'TEXTAREA']);

/**
 * The few DOM members the text walk needs, so that any DOM (linkedom's) can be walked. The walk goes by
 * `firstChild` and `nextSibling`: linkedom rebuilds its `childNodes` array on every access, so indexing it
 * in a loop is quadratic in the number of children.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode: DomNode | null;
}

/**
 * Reduces a DOM subtree to readable text: one paragraph per block element (headings, list items and block
 * quotes each their own), a `<br>` ending a paragraph too, paragraphs separated by a blank line, whitespace
 * inside a paragraph collapsed; scripts, styles, form controls and captions dropped.
 */
export function domToText(root: DomNode): string {
  return domToParagraphs(root).join('\n\n');
}

/** What the walk does on entering a node: descend into its children, or not; and whether it is a block. */
type Entry = { readonly descend: boolean; readonly block: boolean };

const LEAF: Entry = { descend: false, block: false };

/**
 * Like {@link domToText}, but the paragraphs as a list. The walk is iterative (no recursion), so markup of
 * any depth is read in time linear in its size.
 */
export function domToParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  const parts: string[] = [];
  const flush = (): void => {
    const p = cleanSpaces(parts.join(''));
    if (p !== '') paragraphs.push(p);
    parts.length = 0;
  };
  const enter = (node: DomNode): Entry => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return LEAF;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return LEAF;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return LEAF;
    if (name === 'BR') {
      // Note: pages split paragraphs with `<br>` (Readability turns `<br><br>` into paragraphs); a line break is a paragraph break here.
      flush();
      return LEAF;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    return { descend: true, block };
  };
  const leave = (node: DomNode): void => {
    if (node.nodeType === 1 && BLOCK.has(node.nodeName.toUpperCase())) flush();
  };
  walkTree(root, enter, leave);
  flush();
  return paragraphs;
}

/**
 * Visits a subtree in document order without recursion: `enter` on the way down (its answer says whether
 * to visit the children), `leave` on the way up from a node whose children were visited.
 */
export function walkTree(root: DomNode, enter: (node: DomNode) => { readonly descend: boolean }, leave: (node: DomNode) => void = () => {}): void {
  let node: DomNode = root;
  for (;;) {
    const descend = enter(node).descend;
    const first = descend ? node.firstChild : null;
    if (first !== null) {
      node = first;
      continue;
    }
    if (descend) leave(node);
    const next = nextUp(node, root, leave);
    if (next === null) return;
    node = next;
  }
}

/** The next node after a subtree in document order (its next sibling, or an ancestor's), leaving each ancestor passed; null at the root. */
function nextUp(from: DomNode, root: DomNode, leave: (node: DomNode) => void): DomNode | null {
  let node: DomNode = from;
  for (;;) {
    if (node === root) return null;
    if (node.nextSibling !== null) return node.nextSibling;
    const parent: DomNode | null = node.parentNode;
    if (parent === null) return null;
    node = parent;
    leave(node);
  }
}

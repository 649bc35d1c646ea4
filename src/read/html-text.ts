import { cleanSpaces } from './spaces.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
// Note: a caption describes a picture, not the story, so it is left out of the text (as article-body benchmarks do).
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'FORM', 'FIGCAPTION', 'TEXTAREA']);

/** The few DOM members the text walk needs, so that any DOM (linkedom's) can be walked. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/**
 * Reduces a DOM subtree to readable text: one paragraph per block element (headings, list items and block
 * quotes each their own), a `<br>` ending a paragraph too, paragraphs separated by a blank line, whitespace
 * inside a paragraph collapsed; scripts, styles, form controls and captions dropped.
 */
export function domToText(root: DomNode): string {
  return domToParagraphs(root).join('\n\n');
}

/** Like {@link domToText}, but the paragraphs as a list. */
export function domToParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = cleanSpaces(current);
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      // Note: pages split paragraphs with `<br>` (Readability turns `<br><br>` into paragraphs); a line break is a paragraph break here.
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

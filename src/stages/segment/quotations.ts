import type { Message, Quotation } from '../../article/layers.js';
import { splitParagraphs } from '../../read/paragraphs.js';

const OPENERS = new Set(['"', '“', '«']);
const CLOSERS = new Set(['"', '”', '»']);

/**
 * Finds quotations, including one that runs over several paragraphs in the news convention: each
 * paragraph opens with a quote mark and only the last one closes. Single quotes are left alone: they
 * are too often apostrophes, and a quotation inside a quotation is part of the outer one anyway. Two
 * apostrophes (`''`, the New York Times' house style) count as a double quote mark.
 * @returns the quotations (marks included) and a message for each one never closed
 */
export function findQuotations(text: string): { quotations: Quotation[]; messages: Message[] } {
  const quotations: Quotation[] = [];
  const messages: Message[] = [];
  const paragraphs = splitParagraphs(text);
  let open: number | null = null;
  paragraphs.forEach((p, index) => {
    let from = 0;
    if (open !== null) from = 1;
    for (let k = from; k < p.text.length; k++) {
      const pair = p.text.startsWith("''", k) || p.text.startsWith('``', k);
      const ch = pair ? '"' : p.text[k]!;
      const at = p.start + k;
      if (pair) k++;
      if (open === null && OPENERS.has(ch)) open = at;
      else if (open !== null && CLOSERS.has(ch) && at > open) {
        quotations.push({ start: open, end: at + (pair ? 2 : 1), closed: true });
        open = null;
      }
    }
    if (open === null) return;
    const nextParagraph = paragraphs[index + 1];
    if (nextParagraph && OPENERS.has(nextParagraph.text[0] ?? '')) return;
    const end = p.start + p.text.length;
    quotations.push({ start: open, end, closed: false });
    messages.push({ source: 'segment', rule: 'unclosed-quote', text: 'A quotation opens here and is not closed by the end of its paragraph.', start: open, end });
    open = null;
  });
  return { quotations, messages };
}

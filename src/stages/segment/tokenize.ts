import type { Span } from '../../article/span.js';

// Note: order matters: URLs before words, dotted abbreviations (U.S.) before single letters, clitics
// (n't, 's) split off their word as the Penn Treebank does, numbers keep their decimal point and commas; an
// initial before a name keeps its period (`M. Waugh`), as in the Penn Treebank and the recogniser's training data;
// so do `U.S` without its last period and a currency sign with its country (`A$`, `HK$`).
const TOKEN = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"”]*[^\s<>"”.,;:!?)\]'’]`,
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`\p{Lu}\.(?=[ \t\u00A0]*\p{Lu}\p{Ll})`,
    String.raw`(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}.])`,
    String.raw`\p{Lu}{1,3}\$(?=[\s\d])`,
    String.raw`\d+(?:,\d{3})*(?:\.\d+)?(?:[:/]\d+)*(?:st|nd|rd|th|s|bn|m|km|kg|pc)?(?![\p{L}\d])`,
    String.raw`[\p{L}\p{M}]+(?=n['’]t\b)`,
    String.raw`n['’]t\b`,
    String.raw`['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b`,
    String.raw`(?:\p{Lu}['’](?=\p{Lu}))?[\p{L}\p{M}\p{N}]+(?:[-‐][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\.{3}|…|--|[—–]`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/**
 * Splits text into tokens: words (with inner hyphens), numbers, clitics, URLs, punctuation.
 * @returns spans into `text`, in order
 */
export function tokenize(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(TOKEN)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

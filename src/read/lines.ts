/**
 * How a text uses its line ends. Wrapped text breaks its lines anywhere inside a sentence (the next line
 * often opens with a lower-case word, a line often ends on a comma or a word like `the`); text written one
 * sentence (or one paragraph) per line breaks only where a sentence ends, so its line ends are sentence ends.
 */

// Note: a line ending on one of these words, or on a comma or an open bracket, is cut inside a sentence.
const WRAP_END = /(?:[,;(\[{]|\b(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|that|as|is|was|said)|\p{L}-)$/iu;
// Note: a camel-case opener (`iPhone`, `eBay`) may open a sentence; any other lower-case opener continues one.
const CONTINUES = /^(?:\p{Ll}(?!\p{Ll}?\p{Lu})|[,;:)\]}])/u;
/** At least this many line ends inside paragraphs before the text's layout is judged. */
const MIN_BREAKS = 2;
/** The share of line ends that look like wraps above which the text is wrapped. */
const MAX_WRAP_SHARE = 0.1;

/** One line end inside a paragraph: the line before it and the line after it, trimmed. */
function lineBreaks(text: string): Array<[string, string]> {
  const lines = text.split('\n').map((l) => l.trim());
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i] !== '' && lines[i + 1] !== '') out.push([lines[i]!, lines[i + 1]!]);
  }
  return out;
}

/** True when a line end looks like a wrap inside a sentence. */
export function looksWrapped(line: string, next: string): boolean {
  return WRAP_END.test(line) || CONTINUES.test(next);
}

/**
 * True when the text is written one sentence (or one paragraph) per line: it has at least two line ends
 * inside its paragraphs, and hardly any of them looks like a wrap inside a sentence.
 * @param text - the text, with `\n` line ends
 */
export function linesAreSentences(text: string): boolean {
  const breaks = lineBreaks(text);
  if (breaks.length < MIN_BREAKS) return false;
  const wraps = breaks.filter(([line, next]) => looksWrapped(line, next)).length;
  return wraps <= breaks.length * MAX_WRAP_SHARE;
}

/** A line shorter than this share of the text's longest line is short: a list item, a table row, a title. */
const SHORT_LINE = 0.6;

/**
 * In wrapped text, the line ends that still end a sentence: between two short lines (a list or a table
 * inside the text, `May 13 Arrive in London` over `May 14 Practice at Lord's`) where the break does not look
 * like a wrap. Wrapped lines run close to the text's width, so they never qualify.
 * @returns the offsets where those lines end (after their last non-space character)
 */
export function shortLineEnds(text: string): number[] {
  const lines = text.split('\n');
  const width = Math.max(...lines.map((l) => l.trim().length));
  const short = (l: string): boolean => l !== '' && l.length < width * SHORT_LINE;
  const out: number[] = [];
  let at = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const [here, next] = [line.trim(), lines[i + 1]!.trim()];
    if (short(here) && short(next) && !looksWrapped(here, next)) out.push(at + line.trimEnd().length);
    at += line.length + 1;
  }
  return out;
}

/** A paragraph of a text: its trimmed content and where that content starts. */
export interface Paragraph {
  readonly text: string;
  readonly start: number;
}

const BLANK = /^[ \t\u00A0]*$/u;

/**
 * Splits text into paragraphs at blank lines (empty, or spaces, tabs and no-break spaces only), keeping each
 * paragraph's offset. Note: line by line, not one regular expression per paragraph: the regular expression's
 * backtracking overflowed the stack on a paragraph of 200,000 lines (found by the fuzzer).
 */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const flush = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const content = raw.trim();
    if (content !== '') out.push({ text: content, start: from + raw.length - raw.trimStart().length });
  };
  let groupStart = 0;
  let pos = 0;
  while (pos <= text.length) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    // Note: a blank last line ends no paragraph; it is trimmed off the one it closes.
    if (newline >= 0 && BLANK.test(text.slice(pos, end))) {
      flush(groupStart, pos);
      groupStart = end + 1;
    }
    pos = end + 1;
  }
  flush(groupStart, text.length);
  return out;
}

/** A paragraph of a text: its trimmed content and where that content starts. */
export interface Paragraph {
  readonly text: string;
  readonly start: number;
}

/** Splits text into paragraphs at blank lines, keeping each paragraph's offset. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]*(?:\n(?![ \t\u00A0]*\n)[^\n]*)*/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content !== '') out.push({ text: content, start: m.index + lead });
    if (raw === '') re.lastIndex++;
  }
  return out;
}

/** The recogniser's coarse types: CoNLL's four. The entity stage refines them (GPE, NORP). */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** One of {@link NER_TYPES}. */
export type NerType = (typeof NER_TYPES)[number];

/** BILOU labels: Begin, Inside, Last, Unit, and O for outside. */
export const LABELS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/** A recognised name: token indices `[start, end)` within a sentence, and its type. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
}

/** True when `label` may follow `previous` in a well-formed BILOU sequence. */
export function allowedAfter(previous: string, label: string): boolean {
  const open = previous.startsWith('B-') || previous.startsWith('I-');
  if (open) return (label.startsWith('I-') || label.startsWith('L-')) && label.slice(2) === previous.slice(2);
  return label === 'O' || label.startsWith('B-') || label.startsWith('U-');
}

/** True when `label` may end a sentence. */
export function allowedAtEnd(label: string): boolean {
  return !(label.startsWith('B-') || label.startsWith('I-'));
}

/** Reads spans out of a BILOU label sequence. */
export function spansFromLabels(labels: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let start = -1;
  labels.forEach((label, i) => {
    const type = label.slice(2) as NerType;
    if (label.startsWith('U-')) spans.push({ start: i, end: i + 1, type });
    else if (label.startsWith('B-')) start = i;
    else if (label.startsWith('L-') && start >= 0) {
      spans.push({ start, end: i + 1, type });
      start = -1;
    }
  });
  return spans;
}

/** Converts CoNLL-2003's IOB1 tags (`I-PER`, `B-PER` only between two adjacent names) to BILOU. */
export function iob1ToBilou(tags: readonly string[]): string[] {
  const spans: TokenSpan[] = [];
  tags.forEach((tag, i) => {
    if (tag === 'O') return;
    const type = tag.slice(2) as NerType;
    const prev = tags[i - 1];
    const continues = tag.startsWith('I-') && prev !== undefined && prev !== 'O' && prev.slice(2) === type;
    if (continues) spans[spans.length - 1] = { ...spans[spans.length - 1]!, end: i + 1 };
    else spans.push({ start: i, end: i + 1, type });
  });
  const out = tags.map(() => 'O');
  for (const s of spans) {
    if (s.end - s.start === 1) out[s.start] = `U-${s.type}`;
    else {
      out[s.start] = `B-${s.type}`;
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = `I-${s.type}`;
      out[s.end - 1] = `L-${s.type}`;
    }
  }
  return out;
}

import { tokenize } from '../../segment/index.js';
import type { VerbDictionary } from '../dictionaries/verbs.js';
import { tagPos, type PosModel } from '../../syntax/pos/model.js';
import { candidateAt, guessTrigger, type PloverCandidate, type TokenRange } from './features.js';
import { isPloverLabel, labelOfType, type PloverLabel } from './labels.js';

/** A labelled sentence with its source, target and (optionally) trigger marked: `<s>Iran</s> <v>condemned</v> <t>the raid</t>`. */
export interface MarkedSentence {
  readonly id: string;
  readonly label: PloverLabel;
  readonly marked: string;
}

/** A sentence with the marks taken out and the character spans they stood around. */
export interface UnmarkedSentence {
  readonly text: string;
  readonly source: { start: number; end: number } | null;
  readonly target: { start: number; end: number } | null;
  readonly trigger: { start: number; end: number } | null;
}

/** Takes the `<s>`, `<t>` and `<v>` marks out of a sentence and says where they stood. */
export function unmark(marked: string): UnmarkedSentence {
  const spans: Record<string, { start: number; end: number } | null> = { s: null, t: null, v: null };
  let text = '';
  let open: Record<string, number> = {};
  for (const part of marked.split(/(<\/?[stv]>)/u)) {
    const m = /^<(\/?)([stv])>$/u.exec(part);
    if (!m) text += part;
    else if (m[1] === '') open = { ...open, [m[2]!]: text.length };
    // Note: a mark repeated (`<s>Pakistan</s> refused ... <s>Pakistan</s>'s minister said`) keeps its first span.
    else if (open[m[2]!] !== undefined && spans[m[2]!] === null) spans[m[2]!] = { start: open[m[2]!]!, end: text.length };
  }
  return { text, source: spans['s']!, target: spans['t']!, trigger: spans['v']! };
}

/** The tokens a character span covers, or null when it covers none. */
function rangeOf(tokens: ReadonlyArray<{ start: number; end: number }>, span: { start: number; end: number } | null): TokenRange | null {
  if (!span) return null;
  const inside = tokens.flatMap((t, k) => (t.end > span.start && t.start < span.end ? [k] : []));
  return inside.length === 0 ? null : { from: inside[0]!, to: inside.at(-1)! };
}

/**
 * A marked sentence as a typer candidate: tokenised and tagged as the event coder does, with the trigger
 * where it is marked, else the first predicate between the source and target ({@link guessTrigger}).
 */
export function candidateOf(marked: string, verbs: VerbDictionary, pos: PosModel): PloverCandidate {
  const u = unmark(marked);
  const tokens = tokenize(u.text);
  const forms = tokens.map((t) => u.text.slice(t.start, t.end));
  const lower = forms.map((w) => w.toLowerCase());
  const tags = tagPos(pos, { words: forms, lower });
  const source = rangeOf(tokens, u.source);
  const target = rangeOf(tokens, u.target);
  const marked_ = rangeOf(tokens, u.trigger);
  const trigger = marked_ ? marked_.from : guessTrigger(verbs, lower, tags, source, target);
  return candidateAt(verbs, { lower, tags, trigger, source, target });
}

/**
 * Reads PLV's TSV (`PLV_train.tsv`): each row's id, gold root type and marked sentence.
 * @param text - the file's content
 */
export function readPlv(text: string): MarkedSentence[] {
  const [head, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const columns = (head ?? '').split('\t');
  const at = (name: string): number => columns.indexOf(name);
  const [id, marked, gold] = [at('sentence_id'), at('marked_sentence'), at('gold_root')];
  if (id < 0 || marked < 0 || gold < 0) throw new Error('readPlv: not a PLV file (no sentence_id, marked_sentence, gold_root columns)');
  return lines.flatMap((line) => {
    const cells = line.split('\t');
    const label = labelOfType(cells[gold] ?? '');
    return label ? [{ id: `plv:${cells[id]}`, label, marked: cells[marked]! }] : [];
  });
}

/**
 * Reads a written-examples TSV (`label<TAB>marked sentence`, `#` lines and a `label` header skipped).
 * @throws Error on a line whose label is not one of the typer's
 */
export function readWritten(text: string, name: string): MarkedSentence[] {
  return text.split('\n').flatMap((line, k) => {
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('label\t')) return [];
    const [label, marked] = line.split('\t');
    if (!label || !marked || !isPloverLabel(label)) throw new Error(`${name}:${k + 1}: not "LABEL<TAB>sentence" with a PLOVER label`);
    return [{ id: `${name}:${k + 1}`, label, marked }];
  });
}

import type { Dateline } from '../article/meta.js';
import { parseDateline } from './dateline.js';
import { linesAreSentences, looksWrapped } from './lines.js';

/** The longest headline a page's or feed's metadata gives that is kept whole; a longer one is cut (see {@link capHeadline}). */
export const MAX_META_HEADLINE = 300;

/**
 * A headline from metadata, cut at a word boundary to at most {@link MAX_META_HEADLINE} characters (and an
 * ellipsis) when it is longer, with the length it had.
 */
export function capHeadline(headline: string | null): { headline: string | null; cutFrom: number | null } {
  if (headline === null || headline.length <= MAX_META_HEADLINE) return { headline, cutFrom: null };
  const head = [...headline].slice(0, MAX_META_HEADLINE).join('');
  const space = head.lastIndexOf(' ');
  return { headline: `${(space > MAX_META_HEADLINE / 2 ? head.slice(0, space) : head).trimEnd()}…`, cutFrom: headline.length };
}

/** The reader note for a headline {@link capHeadline} cut, over the headline at the text's start. */
export function headlineCutNote(cutFrom: number, headline: string): { source: 'read'; rule: string; text: string; start: number; end: number } {
  return { source: 'read', rule: 'headline-cut', text: `the headline the metadata gives was ${cutFrom} characters; cut to its first ${headline.length - 1}`, start: 0, end: headline.length };
}

/** The longest first line taken for a headline. */
const MAX_HEADLINE = 200;
/** Without a blank line after it, a headline is shorter than this. */
const MAX_RUN_IN_HEADLINE = 150;
const ENDS_LIKE_SENTENCE = /[.!?]["”’']?$/u;
// Note: a byline is two to four capitalised words (`Larry Fine`), or `By` and a name.
const BYLINE = /^(?:By[ \t]+)?(\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|da|al|el|bin)){1,3})$/u;

/** The start of the text's first line after `from`, past blank lines; -1 when none. */
function nextLineStart(text: string, from: number): number {
  const at = text.slice(from).search(/\S/u);
  return at < 0 ? -1 : from + at;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).trimEnd();
}

/** True when a line is written in capitals: at least four letters, hardly any in lower case. */
export function inCapitals(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  const lower = line.match(/\p{Ll}/gu) ?? [];
  return letters.length >= 4 && lower.length <= letters.length * 0.1;
}

/** The name in a byline line (`By Jane Doe`, `Larry Fine`), or null. */
export function bylineName(line: string): string | null {
  const m = BYLINE.exec(line.trim());
  return m && !inCapitals(m[1]!) ? m[1]! : null;
}

/** Where the body starts after the headline line that starts at `lineStart`; -1 when nothing follows. */
export function afterLine(text: string, lineStart: number): number {
  const end = text.indexOf('\n', lineStart);
  return end < 0 ? -1 : nextLineStart(text, end);
}

/**
 * The dateline's line at or after `start`: the line there, or the line after a byline line there.
 * @returns the dateline (offsets in `text`) and the byline's name, or null when no dateline is there
 */
export function datelineLine(text: string, start: number, anchor: string | null): { dateline: Dateline; byline: string | null } | null {
  if (start < 0) return null;
  const here = parseDateline(text.slice(start), start, anchor);
  if (here) return { dateline: here, byline: null };
  const byline = bylineName(lineAt(text, start));
  const next = byline === null ? -1 : afterLine(text, start);
  const under = next >= 0 ? parseDateline(text.slice(next), next, anchor) : null;
  return under ? { dateline: under, byline } : null;
}

/**
 * The headline: the body's first line, when it is short and unpunctuated or in capitals, with or without
 * a blank line after it. Without a blank line, it needs more: a dateline under it, capitals over a line that
 * is not in capitals, or a text written one sentence per line. A first line that ends like a sentence is a
 * headline only when it is in capitals or a dateline follows it.
 * @param body - the text from the body's first line on
 * @returns the headline, or null when the first line is not one
 */
export function headlineOf(body: string): string | null {
  const first = lineAt(body, 0).trim();
  const next = afterLine(body, 0);
  if (first === '' || next < 0 || first.length > MAX_HEADLINE) return null;
  // Note: a dateline alone on the first line (`NAIROBI, Kenya (AP) _`, then the body) is no headline, nor is
  // a line that introduces what follows (`The New York Times said in an editorial on Monday:`).
  if (parseDateline(first, 0, null) !== null || first.endsWith(':')) return null;
  const blankAfter = /\n[ \t\u00A0]*\n/u.test(body.slice(0, next));
  const capitals = inCapitals(first);
  const endsLikeSentence = ENDS_LIKE_SENTENCE.test(first);
  if (blankAfter && (capitals || !endsLikeSentence)) return first;
  const datelineUnder = datelineLine(body, next, null) !== null;
  if (endsLikeSentence && !capitals && !datelineUnder) return null;
  if (blankAfter || datelineUnder) return first;
  const nextLine = lineAt(body, next).trim();
  if (first.length > MAX_RUN_IN_HEADLINE || looksWrapped(first, nextLine)) return null;
  if (capitals) return inCapitals(nextLine) ? null : first;
  return linesAreSentences(body) && !ENDS_LIKE_SENTENCE.test(first) ? first : null;
}

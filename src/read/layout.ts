import { createArticle, type Article } from '../article/article.js';
import type { ArticleMeta, Dateline } from '../article/meta.js';
import { parseDateline } from './dateline.js';
import { guessLanguage } from './language.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';
import { cleanOrNull } from './spaces.js';
import { parseTimestamp } from './timestamp.js';

/** What the caller already knows about an article; each known field wins over what the text says. */
export interface MetaHints {
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly headline?: string | null;
  readonly url?: string | null;
  readonly language?: string | null;
  readonly authors?: readonly string[];
  /** The anchor date from `--date`, used when nothing else dates the article. */
  readonly date?: string | null;
}

/** The parts of a wire or plain text, before an Article is made. */
export interface TextLayout {
  readonly outlet: string | null;
  readonly published: string | null;
  readonly headline: string | null;
  /** Where the Article's text starts (after header lines) in the input. */
  readonly textStart: number;
  /** True when the input has a header (outlet or timestamp lines) or a dateline. */
  readonly wire: boolean;
}

const MAX_HEADLINE = 200;

/**
 * Reads the layout of a wire story or plain text: an optional header (outlet line, timestamp line),
 * a headline paragraph, and the body, which may open with a dateline.
 */
export function layoutOf(input: string): TextLayout {
  const paragraphs = splitParagraphs(input);
  let outlet: string | null = null;
  let published: string | null = null;
  let first = 0;
  const head = paragraphs[0];
  if (head && paragraphs.length > 1) {
    const lines = head.text.split('\n');
    const stampAt = lines.findIndex((line) => parseTimestamp(line) !== null);
    if (stampAt >= 0 && lines.length <= 3) {
      published = parseTimestamp(lines[stampAt]!);
      outlet = stampAt > 0 ? cleanOrNull(lines[0]) : null;
      first = 1;
    }
  }
  const body = paragraphs.slice(first);
  const headline = headlineOf(body);
  const datelineAt = headline === null ? 0 : 1;
  const hasDateline = body[datelineAt] !== undefined && parseDateline(body[datelineAt].text, 0, null) !== null;
  return {
    outlet,
    published,
    headline,
    textStart: body[0]?.start ?? 0,
    wire: first === 1 || hasDateline,
  };
}

function headlineOf(body: readonly Paragraph[]): string | null {
  const [first, second] = body;
  if (!first || !second || first.text.includes('\n') || first.text.length > MAX_HEADLINE) return null;
  const endsLikeSentence = /[.!?]["”’']?$/u.test(first.text);
  if (endsLikeSentence && parseDateline(second.text, 0, null) === null) return null;
  return first.text;
}

/**
 * Makes an Article from wire or plain text.
 * @param input - decoded text with `\n` line ends
 * @param hints - meta known from elsewhere (a JSONL record, a feed item, `--date`)
 */
export function articleFromText(input: string, hints: MetaHints = {}): Article {
  const layout = layoutOf(input);
  const text = input.slice(layout.textStart).trimEnd();
  const published = hints.published ?? layout.published ?? hints.date ?? null;
  const meta: ArticleMeta = {
    outlet: cleanOrNull(hints.outlet) ?? layout.outlet,
    published,
    headline: cleanOrNull(hints.headline) ?? cleanOrNull(layout.headline),
    url: cleanOrNull(hints.url),
    language: hints.language ?? guessLanguage(text),
    authors: hints.authors ?? [],
    dateline: findDateline(text, layout.headline !== null, published),
  };
  return createArticle(text, meta);
}

/** Finds the dateline at the start of the body: the first paragraph after the headline, or the first one. */
export function findDateline(text: string, hasHeadline: boolean, anchor: string | null): Dateline | null {
  const paragraphs = splitParagraphs(text);
  const candidate = paragraphs[hasHeadline ? 1 : 0];
  return candidate ? parseDateline(candidate.text, candidate.start, anchor) : null;
}

import { createArticle, type Article } from '../article/article.js';
import type { ArticleMeta, Dateline } from '../article/meta.js';
import { guessLanguage } from './language.js';
import { afterLine, datelineLine, headlineOf } from './headline.js';
import { splitParagraphs } from './paragraphs.js';
import { cleanOrNull } from './spaces.js';
import { parseTimestamp } from './timestamp.js';
import { storableUrl } from './urls.js';

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
  /** The name on a byline line between the headline and the dateline, if there is one. */
  readonly byline: string | null;
  /** True when the input has a header (outlet or timestamp lines) or a dateline. */
  readonly wire: boolean;
}

/**
 * Reads the layout of a wire story or plain text: an optional header (outlet line, timestamp line),
 * a headline line (with or without a blank line after it), an optional byline line, and the body, which may
 * open with a dateline.
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
  const textStart = paragraphs[first]?.start ?? 0;
  const body = input.slice(textStart);
  const headline = headlineOf(body);
  const dateline = datelineLine(body, headline === null ? 0 : afterLine(body, 0), published);
  return {
    outlet,
    published,
    headline,
    byline: dateline?.byline ?? null,
    textStart,
    wire: first === 1 || dateline !== null,
  };
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
    url: storableUrl(cleanOrNull(hints.url)),
    language: hints.language ?? guessLanguage(text),
    authors: hints.authors ?? (layout.byline ? [layout.byline] : []),
    dateline: findDateline(text, layout.headline !== null, published),
  };
  return createArticle(text, meta);
}

/**
 * Finds the dateline at the start of the body: on the line after the headline (or after a byline line under
 * it), or on the first line.
 * @param text - the Article's text, which opens with the headline when there is one
 * @param hasHeadline - whether the text's first line is the headline
 * @param anchor - the article's date, for a dateline date without a year
 */
export function findDateline(text: string, hasHeadline: boolean, anchor: string | null): Dateline | null {
  const first = text.search(/\S/u);
  const start = first < 0 ? -1 : hasHeadline ? afterLine(text, first) : first;
  return datelineLine(text, start, anchor)?.dateline ?? null;
}

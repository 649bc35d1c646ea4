import { linkedom } from './lazy-modules.js';
import { createArticle, type Article } from '../article/article.js';
import type { Message } from '../article/layers.js';
import { WiregraphError } from '../errors.js';
import { capHeadline, headlineCutNote } from './headline.js';
import { readBody, type HtmlPath } from './html-body.js';
import { pageSources, resolvePageMeta } from './html-meta.js';
import { capMarkupDepth, measureDom, readabilityCanRead, MAX_MARKUP_DEPTH, READABILITY_MAX_DEPTH, READABILITY_MAX_ELEMENTS, type DomSize } from './html-depth.js';
import { domToText, type DomNode } from './html-text.js';
import { guessLanguage } from './language.js';
import { findDateline, type MetaHints } from './layout.js';
import { cleanSpaces } from './spaces.js';

const BYLINE = /^(?:By|From)\s+\p{Lu}[^.!?]{0,80}$/u;
// Note: a byline or the headline repeated opens many article bodies; only the first few paragraphs are checked.
const OPENING_PARAGRAPHS = 3;
const ERROR_PAGE = /\b(?:404|not found|page not found|error|access denied|forbidden|no longer available|has been removed)\b/iu;
const SHORT_BODY = 200;

const PATH_NOTES: Readonly<Record<HtmlPath, string>> = {
  'html-readability': 'article text read by Readability from the page as it is',
  'html-readability-cleaned': 'article text read by Readability after navigation, banners and link lists were removed',
  'html-json-ld': "article text read from the page's JSON-LD articleBody (Readability found no article)",
  'html-largest-block': 'article text read from the largest block of paragraphs (Readability and JSON-LD found no article)',
  'html-page-text': "article text read from the whole page's text (the page is too big or deep for Readability, and holds no block of paragraphs)",
};

/**
 * Makes an Article from an HTML page. The text is read along four paths, the first that finds an article
 * winning: Readability on the page as it is, Readability on the page with boilerplate removed, the JSON-LD
 * `articleBody`, the largest block of paragraph text; a note (`source: 'read'`, rule `html-readability`,
 * `html-readability-cleaned`, `html-json-ld` or `html-largest-block`) says which. Meta comes from JSON-LD,
 * OpenGraph and other `<meta>` tags, Readability, `<link rel=canonical>` and `<html lang>`.
 * @param html - the page
 * @param input - the input's name, for errors
 * @param hints - meta known from elsewhere; the page's own meta wins where it has a value
 * @throws WiregraphError `WG_NO_ARTICLE` when no path finds article text
 */
export function articleFromHtml(page: string, input: string, hints: MetaHints = {}): Article {
  const { html, dropped } = capMarkupDepth(page);
  const { document } = linkedom().parseHTML(html);
  // Note: markup without any element (`<!doctype html>` alone, a comment) has no document to walk at all.
  if (document.documentElement === null) {
    throw new WiregraphError('WG_NO_ARTICLE', `${input} is HTML without any element (no <html>, no <body>), so it has no article text.`, { input });
  }
  const sources = pageSources(document);
  // Note: from the root element, not the document: linkedom gives a doctype no next sibling, so a walk from the document stops there.
  const size = measureDom(document.documentElement as unknown as DomNode);
  const useReadability = readabilityCanRead(size);
  const { reading, readability } = readBody(html, document, sources.jsonLd?.articleBody ?? null, useReadability);
  const meta = resolvePageMeta(sources, readability, hints);
  const { headline, cutFrom } = capHeadline(meta.headline);
  const byline = readability?.byline ? cleanSpaces(readability.byline) : null;
  const paragraphs = (reading?.paragraphs ?? []).filter((p, i) => i >= OPENING_PARAGRAPHS || !(same(p, headline) || BYLINE.test(p) || same(p, byline)));
  const body = paragraphs.join('\n\n');
  // Note: a short text that is mostly links (a menu) or says it is an error page is no article, however it was read.
  const noArticle = body.length < SHORT_BODY && ((reading?.linkDensity ?? 0) >= 0.5 || ERROR_PAGE.test(`${sources.title ?? ''} ${headline ?? ''} ${body}`));
  if (reading === null || !/[\p{L}\p{N}]/u.test(body) || noArticle) {
    throw new WiregraphError('WG_NO_ARTICLE', `${input} is an HTML page without article text (found ${body.length} characters); give the article's own page, not an index or an error page.`, { input });
  }
  const text = headline ? `${headline}\n\n${body}` : body;
  const bodyStart = text.length - body.length;
  const note: Message = { source: 'read', rule: reading.path, text: PATH_NOTES[reading.path], start: bodyStart, end: text.length };
  return createArticle(
    text,
    {
      outlet: meta.outlet,
      published: meta.published,
      headline,
      url: meta.url,
      language: meta.language ?? guessLanguage(text),
      authors: meta.authors,
      dateline: findDateline(text, headline !== null, meta.published),
    },
    [...(cutFrom === null || headline === null ? [] : [headlineCutNote(cutFrom, headline)]), note, ...limitNotes(dropped, size, useReadability, bodyStart, text.length)],
  );
}

/** The notes saying that a page was flattened (`html-depth-cut`) or too big for Readability (`html-readability-skipped`). */
function limitNotes(dropped: number, size: DomSize, useReadability: boolean, start: number, end: number): Message[] {
  const notes: Message[] = [];
  if (dropped > 0) notes.push({ source: 'read', rule: 'html-depth-cut', text: `markup nested deeper than ${MAX_MARKUP_DEPTH} levels was flattened (${dropped} tags dropped, their text kept)`, start, end });
  if (!useReadability) {
    const why = size.depth > READABILITY_MAX_DEPTH ? `nested ${size.depth} levels deep (over ${READABILITY_MAX_DEPTH})` : `${size.elements} elements (over ${READABILITY_MAX_ELEMENTS})`;
    notes.push({ source: 'read', rule: 'html-readability-skipped', text: `Readability was not run: the page is ${why}`, start, end });
  }
  return notes;
}

function same(paragraph: string, value: string | null): boolean {
  return value !== null && paragraph.toLowerCase() === value.toLowerCase();
}

/** Reduces an HTML fragment (a feed item's content) to paragraphs of text. */
export function htmlFragmentToText(html: string): string {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${capMarkupDepth(html).html}</body></html>`);
  return domToText(document.body);
}

/**
 * Finds an HTML page's article text along four paths, in order: Readability on the page as it is, Readability
 * on the page with boilerplate removed, the JSON-LD `articleBody`, and the largest block of paragraph text.
 * The first reading that looks like an article wins; when none does, the longest reading, however short.
 */
import type { Readability } from '@mozilla/readability';
import type { parseHTML } from 'linkedom';
import { linkedom, readability } from './lazy-modules.js';
import { capMarkupDepth } from './html-depth.js';
import { cleanPage, linkDensity, pruneContent, type CleanElement } from './html-clean.js';
import type { ReadabilityMeta } from './html-meta.js';
import { domToParagraphs, type DomNode } from './html-text.js';
import { cleanOrNull } from './spaces.js';

/** Which path read the page; it is the rule of the reader's note. */
export type HtmlPath = 'html-readability' | 'html-readability-cleaned' | 'html-json-ld' | 'html-largest-block' | 'html-page-text';

/** What one path read. */
export interface BodyReading {
  readonly path: HtmlPath;
  readonly paragraphs: readonly string[];
  /** The share of the reading's text inside links (0 for plain text). */
  readonly linkDensity: number;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type Element = CleanElement & DomNode;

// Note: below this many characters a reading is tried against the next path (a teaser, a caption, a login box).
const ARTICLE_CHARS = 250;

const charsOf = (r: BodyReading): number => r.paragraphs.reduce((n, p) => n + p.length, 0);

/** Whether a reading looks like an article: long enough, not mostly links, not a column of short menu items. */
export function looksLikeArticle(r: BodyReading): boolean {
  const chars = charsOf(r);
  if (chars < ARTICLE_CHARS || r.linkDensity >= 0.5) return false;
  const inSentences = r.paragraphs.filter(isProse).reduce((n, p) => n + p.length, 0);
  return inSentences >= chars * 0.4;
}

// Note: Chinese, Japanese and Korean lines carry more per character, and often no final punctuation.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A paragraph that reads as prose rather than a menu item: long, or ending like a sentence. */
function isProse(p: string): boolean {
  return p.length >= 80 || /[.!?:;"”»)。！？」]$/u.test(p) || (p.length >= 20 && CJK.test(p));
}

/**
 * Runs the paths in order until one reads an article.
 * @param html - the page
 * @param document - the page parsed once already (Readability changes it, so it is used by the first path only)
 * @param articleBody - the JSON-LD `articleBody`, if any
 * @param useReadability - false for pages too deep or too big for Readability: only the JSON-LD and
 *   largest-block paths run, the latter on `document` itself (no second parse)
 * @returns the chosen reading (null when no path found even a few sentences), and Readability's metadata
 */
export function readBody(html: string, document: Doc, articleBody: string | null, useReadability = true): { reading: BodyReading | null; readability: ReadabilityMeta | null } {
  const readings: BodyReading[] = [];
  let readability: ReadabilityMeta | null = null;
  const readabilityPaths: Array<() => BodyReading | null> = [
    () => {
      const r = readWithReadability(document);
      readability = r?.meta ?? null;
      return r ? { path: 'html-readability', paragraphs: r.paragraphs, linkDensity: r.linkDensity } : null;
    },
    () => {
      const doc = linkedom().parseHTML(html).document;
      if (doc.body) cleanPage(doc.body as unknown as Element);
      const r = readWithReadability(doc);
      readability ??= r?.meta ?? null;
      return r ? { path: 'html-readability-cleaned', paragraphs: r.paragraphs, linkDensity: r.linkDensity } : null;
    },
  ];
  const paths: Array<() => BodyReading | null> = [
    ...(useReadability ? readabilityPaths : []),
    () => (articleBody ? { path: 'html-json-ld', paragraphs: jsonLdParagraphs(articleBody), linkDensity: 0 } : null),
    () => largestBlock(useReadability ? linkedom().parseHTML(html).document : document),
    // Note: a page too big for Readability whose text is in no `<p>` (100,000 nested `<div>`) is read whole, cleaned as the largest block was.
    () => (useReadability || !document.body ? null : { path: 'html-page-text', paragraphs: domToParagraphs(document.body as unknown as Element), linkDensity: linkDensity(document.body as unknown as Element) }),
  ];
  for (const path of paths) {
    const reading = path();
    if (reading === null) continue;
    if (looksLikeArticle(reading)) return { reading, readability };
    readings.push(reading);
  }
  const longest = readings.filter((r) => charsOf(r) > 0).sort((a, b) => charsOf(b) - charsOf(a))[0] ?? null;
  return { reading: longest, readability };
}

/** Readability over a document: the article's paragraphs (boilerplate inside pruned) and its metadata. */
function readWithReadability(document: Doc): { paragraphs: string[]; linkDensity: number; meta: ReadabilityMeta } | null {
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new (readability().Readability)<Element>(document as unknown as Document, { serializer: (node) => node as unknown as Element }).parse();
  } catch {
    // Note: Readability throws on documents it cannot walk (no root element); the next path reads those.
    return null;
  }
  if (!parsed) return null;
  const meta: ReadabilityMeta = {
    title: cleanOrNull(parsed.title),
    byline: cleanOrNull(parsed.byline),
    siteName: cleanOrNull(parsed.siteName),
    publishedTime: cleanOrNull(parsed.publishedTime),
    lang: cleanOrNull(parsed.lang),
  };
  const content = parsed.content;
  if (!content) return { paragraphs: [], linkDensity: 0, meta };
  pruneContent(content);
  return { paragraphs: domToParagraphs(content), linkDensity: linkDensity(content), meta };
}

/** The JSON-LD `articleBody` as paragraphs: plain text split at line breaks, or HTML reduced to text. */
function jsonLdParagraphs(body: string): string[] {
  if (/<(?:p|br|div)\b/iu.test(body)) return domToParagraphs(linkedom().parseHTML(`<!doctype html><html><body>${capMarkupDepth(body).html}</body></html>`).document.body as unknown as Element);
  return body.split(/\n+/u).map((p) => cleanOrNull(p)).filter((p): p is string => p !== null);
}

const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/iu;

/**
 * The element holding the most paragraph text directly (its own `<p>` children), after boilerplate
 * removal: the article body of pages whose markup Readability cannot score.
 */
export function largestBlock(document: Doc): BodyReading | null {
  const body = document.body as unknown as Element | null;
  if (!body) return null;
  cleanPage(body);
  const totals = new Map<Element, number>();
  for (const p of body.querySelectorAll('p') as Iterable<Element>) {
    const parent = p.parentElement as Element | null;
    if (!parent || isHidden(p)) continue;
    const length = (p.textContent ?? '').trim().length;
    if (length < 20 || linkDensity(p) >= 0.5) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [el, length] of totals) if (length > bestLength) [best, bestLength] = [el, length];
  if (!best) return null;
  pruneContent(best);
  return { path: 'html-largest-block', paragraphs: domToParagraphs(best), linkDensity: linkDensity(best) };
}

function isHidden(el: Element): boolean {
  for (let at: CleanElement | null = el; at !== null; at = at.parentElement) {
    if (at.getAttribute('hidden') !== null || at.getAttribute('aria-hidden') === 'true' || HIDDEN.test(at.getAttribute('style') ?? '')) return true;
  }
  return false;
}

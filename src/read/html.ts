import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { createArticle, type Article } from '../article/article.js';
import { WiregraphError } from '../errors.js';
import { domToText } from './html-text.js';
import { articleFromJsonLd } from './json-ld.js';
import { guessLanguage, primaryLanguage } from './language.js';
import { findDateline, type MetaHints } from './layout.js';
import { cleanOrNull, cleanSpaces } from './spaces.js';
import { parseTimestamp } from './timestamp.js';

type Doc = ReturnType<typeof parseHTML>['document'];

const BOILERPLATE_SELECTOR = 'nav, aside, footer, form, dialog, body > header, [role="navigation"], [role="dialog"], [role="alertdialog"], [role="complementary"], [aria-modal="true"]';
const BOILERPLATE_NAME = /(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|subscribe|related|share|sharing|social|promo|advert|ads?|breadcrumbs?|paywall|comments?|banner|sidebar|popup|modal|outbrain|taboola)(?:[\s_-]|$)/iu;
const MIN_BODY_CHARS = 40;
const BYLINE = /^By\s+\p{Lu}[^.!?]{0,80}$/u;

/**
 * Makes an Article from an HTML page: the main text through Readability (after dropping navigation,
 * related links, cookie banners and the like), and meta from JSON-LD, OpenGraph, `<link rel=canonical>`
 * and `<html lang>`.
 * @param html - the page
 * @param input - the input's name, for errors
 * @param hints - meta known from elsewhere; the page's own meta wins where it has a value
 * @throws WiregraphError `WG_NO_ARTICLE` when the page has no article text
 */
export function articleFromHtml(html: string, input: string, hints: MetaHints = {}): Article {
  const { document } = parseHTML(html);
  const jsonLd = articleFromJsonLd([...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''));
  const metaTag = (key: string): string | null => {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    return cleanOrNull(el?.getAttribute('content'));
  };
  const pageTitle = cleanOrNull(document.querySelector('title')?.textContent);
  const firstHeading = cleanOrNull(document.querySelector('article h1, main h1, h1')?.textContent);
  const rawDate = jsonLd?.datePublished ?? metaTag('article:published_time') ?? metaTag('pubdate') ?? metaTag('date') ?? metaTag('dc.date') ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const published = (rawDate ? parseTimestamp(rawDate) : null) ?? hints.published ?? hints.date ?? null;
  const canonical = cleanOrNull(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const lang = primaryLanguage(document.documentElement?.getAttribute('lang')) ?? primaryLanguage(metaTag('og:locale'));

  const main = mainText(document);
  const headline = cleanOrNull(jsonLd?.headline) ?? metaTag('og:title') ?? cleanOrNull(hints.headline) ?? firstHeading ?? main.title ?? pageTitle;
  const paragraphs = main.paragraphs.filter((p, i) => !(i === 0 && p === headline) && !BYLINE.test(p));
  const body = paragraphs.join('\n\n');
  if (body.length < MIN_BODY_CHARS) {
    throw new WiregraphError('WG_NO_ARTICLE', `${input} is an HTML page without article text (found ${body.length} characters); give the article's own page, not an index or an error page.`, { input });
  }
  const text = headline ? `${headline}\n\n${body}` : body;
  const authorTag = metaTag('author');
  return createArticle(text, {
    outlet: cleanOrNull(jsonLd?.publisher) ?? metaTag('og:site_name') ?? cleanOrNull(hints.outlet),
    published,
    headline,
    url: canonical ?? metaTag('og:url') ?? cleanOrNull(jsonLd?.url) ?? cleanOrNull(hints.url),
    language: lang ?? hints.language ?? guessLanguage(text),
    authors: jsonLd?.authors.length ? jsonLd.authors.map(cleanSpaces) : authorTag ? [authorTag] : (hints.authors ?? []),
    dateline: findDateline(text, headline !== null, published),
  });
}

/** The page's main text as paragraphs, boilerplate removed, and the title Readability found. */
function mainText(document: Doc): { paragraphs: string[]; title: string | null } {
  for (const el of [...document.querySelectorAll(BOILERPLATE_SELECTOR)]) el.remove();
  for (const el of [...document.querySelectorAll('[id], [class]')]) {
    if (BOILERPLATE_NAME.test(`${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`)) el.remove();
  }
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!parsed?.content) return { paragraphs: [], title: null };
  return { paragraphs: htmlFragmentToText(parsed.content).split('\n\n').filter((p) => p !== ''), title: cleanOrNull(parsed.title) };
}

/** Reduces an HTML fragment (a feed item's content) to paragraphs of text. */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domToText(document.body);
}

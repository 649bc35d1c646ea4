/**
 * An HTML page's metadata: title, authors, published time, site name, language and canonical URL, from
 * JSON-LD, OpenGraph and other `<meta>` tags, the markup, and what Readability found (its title logic and
 * the byline it finds in the page's text).
 */
import { articleFromJsonLd, type JsonLdArticle } from './json-ld.js';
import { primaryLanguage } from './language.js';
import type { MetaHints } from './layout.js';
import { cleanOrNull, cleanSpaces } from './spaces.js';
import { parseTimestamp } from './timestamp.js';
import { storableUrl } from './urls.js';

/** The DOM members the metadata reading uses. */
interface MetaDocument {
  querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
  readonly documentElement: { getAttribute(name: string): string | null } | null;
}

/** What Readability's `parse()` reports besides the content. */
export interface ReadabilityMeta {
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly lang: string | null;
}

/** What the page itself says, read before Readability changes the document. */
export interface PageSources {
  readonly jsonLd: JsonLdArticle | null;
  readonly tag: (...keys: string[]) => string | null;
  readonly h1: string | null;
  readonly title: string | null;
  readonly lang: string | null;
  readonly canonical: string | null;
  readonly time: string | null;
}

/** The page's metadata, resolved. */
export interface PageMeta {
  readonly headline: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly language: string | null;
}

/** Reads a page's own metadata sources: JSON-LD, `<meta>` tags, the first heading, `<title>`, `<html lang>`. */
export function pageSources(document: MetaDocument): PageSources {
  const jsonLd = articleFromJsonLd([...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''));
  const values = new Map<string, string>();
  for (const el of document.querySelectorAll('meta') as Iterable<{ textContent: string | null; getAttribute(name: string): string | null }>) {
    const content = cleanOrNull(el.getAttribute('content'));
    if (content === null) continue;
    // Note: `property` may list several names (`og:title twitter:title`); the first tag for a name wins.
    // Note: names are compared as Readability does: lower case, `dc.title` the same as `dc:title`.
    for (const key of `${el.getAttribute('property') ?? ''} ${el.getAttribute('name') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase().replace(/\./gu, ':').split(/\s+/u)) {
      if (key !== '' && !values.has(key)) values.set(key, content);
    }
  }
  return {
    jsonLd,
    tag: (...keys) => keys.map((k) => values.get(k)).find((v) => v !== undefined) ?? null,
    h1: cleanOrNull(document.querySelector('article h1, main h1, h1')?.textContent),
    title: cleanOrNull(document.querySelector('title')?.textContent),
    lang: primaryLanguage(document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang')),
    canonical: cleanOrNull(document.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    time: cleanOrNull(document.querySelector('time[datetime]')?.getAttribute('datetime')),
  };
}

const NOT_A_NAME = /^https?:|^www\.|@/u;

/** Splits a byline (`By Ana Ruiz and Tom Lee`, `Ana Ruiz, Tom Lee`) into names. */
export function bylineAuthors(byline: string): string[] {
  const text = cleanSpaces(byline).replace(/^(?:by|from|written by|posted by)\s+/iu, '');
  return text
    .split(/\s*(?:,|;|&|\band\b|\|)\s*/u)
    .map((n) => n.trim())
    .filter((n) => n !== '' && !NOT_A_NAME.test(n) && n.length <= 60);
}

/**
 * Resolves the page's metadata. Structured sources win (JSON-LD, then `<meta>` tags; Readability's title and
 * site name, which are read from them), then what the caller knows (`hints`), then the byline Readability
 * finds in the text, then the markup.
 */
export function resolvePageMeta(page: PageSources, readability: ReadabilityMeta | null, hints: MetaHints): PageMeta {
  const { jsonLd, tag } = page;
  // Note: Readability's title already follows JSON-LD and the title tags, choosing between `name` and `headline`, and cuts the site's name from `<title>`.
  const headline = cleanOrNull(readability?.title) ?? cleanOrNull(jsonLd?.headline) ?? tag('dc:title', 'dcterm:title', 'og:title', 'title', 'twitter:title', 'parsely-title') ?? cleanOrNull(hints.headline) ?? page.h1 ?? page.title;
  const metaAuthor = tag('dc:creator', 'dcterm:creator', 'author', 'parsely-author', 'article:author', 'sailthru:author');
  const authors = jsonLd?.authors.length
    ? jsonLd.authors.map(cleanSpaces)
    : metaAuthor && !NOT_A_NAME.test(metaAuthor)
      ? bylineAuthors(metaAuthor)
      : readability?.byline
        ? bylineAuthors(readability.byline)
        : [...(hints.authors ?? [])];
  const rawDate = jsonLd?.datePublished ?? tag('article:published_time', 'parsely-pub-date', 'pubdate', 'date', 'dc:date', 'datepublished') ?? readability?.publishedTime ?? page.time;
  return {
    headline,
    authors,
    published: (rawDate ? parseTimestamp(rawDate) : null) ?? hints.published ?? hints.date ?? null,
    outlet: cleanOrNull(readability?.siteName) ?? cleanOrNull(jsonLd?.publisher) ?? tag('og:site_name') ?? cleanOrNull(hints.outlet),
    url: pageUrl(page, jsonLd?.url ?? null, hints.url ?? null),
    language: page.lang ?? primaryLanguage(tag('og:locale', 'language', 'content-language')) ?? primaryLanguage(readability?.lang) ?? hints.language ?? null,
  };
}

/** The page's URL: its canonical link, `og:url`, the JSON-LD one or the one it was fetched from, the first that may be stored (see {@link storableUrl}). */
function pageUrl(page: PageSources, jsonLdUrl: string | null, fetched: string | null): string | null {
  const base = storableUrl(cleanOrNull(fetched));
  for (const candidate of [page.canonical, page.tag('og:url'), cleanOrNull(jsonLdUrl)]) {
    const url = storableUrl(candidate, base);
    if (url !== null) return url;
  }
  return base;
}

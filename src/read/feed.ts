import type { XMLParser } from 'fast-xml-parser';
import { createArticle } from '../article/article.js';
import { asWiregraphError, WiregraphError } from '../errors.js';
import { withoutControls } from './decode.js';
import { xmlParser } from './lazy-modules.js';
import { itemTagOf, splitFeedItems, type FeedFragment } from './feed-stream.js';
import { capHeadline, headlineCutNote } from './headline.js';
import { htmlFragmentToText } from './html.js';
import { primaryLanguage } from './language.js';
import { articleFromText } from './layout.js';
import { cleanOrNull, cleanSpaces } from './spaces.js';
import { parseTimestamp } from './timestamp.js';
import type { ReadItem } from './types.js';

type Node = Record<string, unknown>;

let parser: XMLParser | null = null;

/**
 * A new XML parser as feeds are read with. Feeds with a DOCTYPE never reach it; behind that, its own limits
 * hold: no external entity, at most 1,000 declared entities of 10,000 characters, declared entities expanded
 * to 100,000 characters at most (see the tests).
 */
export const feedParser = (): XMLParser => new (xmlParser().XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'dc:creator'].includes(name),
});

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed item by item: every item becomes an Article (title, link,
 * date, and `content:encoded`, `content` or the description with its HTML reduced to text). Each item is
 * checked and parsed on its own, so an item over `maxBytes` or with broken markup becomes a coded error
 * in its place and the other items are read.
 * Note: a feed with a DOCTYPE is refused outright, so no DTD, internal entity (the "billion laughs")
 * or external entity (XXE) is ever processed.
 * @param xml - the feed's text
 * @param input - the input's name, for errors
 * @param date - the `--date` anchor, for items without a date
 * @param maxBytes - the cap on one item's markup, in UTF-8 bytes
 * @returns one item per feed entry, each an Article or a coded error
 * @throws WiregraphError for a feed that cannot be read at all
 */
export function readFeed(xml: string, input: string, date: string | null = null, maxBytes = Infinity): ReadItem[] {
  return [...openFeed(xml, input, date, maxBytes)];
}

/**
 * Checks a feed and its channel at once (throwing as {@link readFeed} does), then reads its items one at a
 * time as they are asked for, so that a feed of 100,000 items gives its first article before the others are
 * parsed and is never held as articles all at once.
 * @throws WiregraphError for a feed that cannot be read at all, before any item is read
 */
export function openFeed(xml: string, input: string, date: string | null = null, maxBytes = Infinity): Iterable<ReadItem> {
  if (/<!DOCTYPE/iu.test(xml)) {
    throw new WiregraphError('WG_FEED_DTD', `${input} declares a DOCTYPE; DTDs and entity declarations are refused in feeds for safety. Remove the DOCTYPE line if you trust the file.`, { input });
  }
  const tag = itemTagOf(xml);
  const { skeleton, items } = tag ? splitFeedItems(xml, tag) : { skeleton: xml, items: [] };
  const doc = parseChecked(skeleton, input, 0);
  const rss = node(doc['rss']);
  const rdf = node(doc['rdf:RDF']);
  const atom = node(doc['feed']);
  if (rss || rdf) {
    const channel = node(rss?.['channel']) ?? node(rdf?.['channel']) ?? {};
    const feedMeta = { outlet: text(channel['title']), language: primaryLanguage(text(channel['language']) ?? text(channel['dc:language'])) };
    return eachItem(items, 'item', input, maxBytes, (item, i) => toItem(input, i, {
      ...feedMeta,
      title: text(item['title']),
      url: text(list(item['link'])[0]) ?? text(item['guid']),
      published: text(item['pubDate']) ?? text(item['dc:date']),
      html: text(item['content:encoded']) ?? text(item['description']),
      authors: list(item['dc:creator']).map(text).concat(text(item['author'])).filter(isString),
    }, date));
  }
  if (atom) {
    const feedMeta = { outlet: text(atom['title']), language: primaryLanguage(text(atom['@_xml:lang'])) };
    return eachItem(items, 'entry', input, maxBytes, (entry, i) => toItem(input, i, {
      ...feedMeta,
      title: text(entry['title']),
      url: atomLink(entry['link']),
      published: text(entry['published']) ?? text(entry['updated']),
      html: text(entry['content']) ?? text(entry['summary']),
      authors: list(entry['author']).map((a) => text(a['name'])).filter(isString),
    }, date));
  }
  throw new WiregraphError('WG_FEED_UNKNOWN', `${input} is XML but neither an RSS nor an Atom feed (its root is <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? '?'}>).`, { input });
}

/** Checks and parses a feed's markup (or one item's), naming the feed line of an error. */
function parseChecked(xml: string, input: string, firstLine: number): Node {
  let valid: ReturnType<ReturnType<typeof xmlParser>['XMLValidator']['validate']>;
  try {
    valid = xmlParser().XMLValidator.validate(xml);
    if (valid === true) return (parser ??= feedParser()).parse(xml) as Node;
  } catch (e) {
    // Note: the validator and the parser throw on some malformed markup (a processing instruction never closed) instead of reporting it; the fuzzer found these.
    throw new WiregraphError('WG_FEED_NOT_XML', `${input} is not well-formed XML (from line ${firstLine + 1}): ${(e as Error).message}`, { input, line: firstLine + 1 });
  }
  const { line, col, msg } = valid.err;
  throw new WiregraphError('WG_FEED_NOT_XML', `${input} is not well-formed XML at line ${line + firstLine}, column ${col}: ${msg}`, { input, line: line + firstLine });
}

/**
 * Reads each item's markup on its own, when it is asked for: over the cap or not well-formed, it becomes an
 * error in its place.
 */
function* eachItem(items: readonly FeedFragment[], tag: string, input: string, maxBytes: number, read: (item: Node, index: number) => ReadItem): Generator<ReadItem> {
  for (const [i, fragment] of items.entries()) yield readOne(fragment, i);

  function readOne(fragment: FeedFragment, i: number): ReadItem {
    const name = `${input}#item${i + 1}`;
    const bytes = fragment.xml.length * 3 > maxBytes ? Buffer.byteLength(fragment.xml) : 0;
    if (bytes > maxBytes) {
      const error = new WiregraphError('WG_INPUT_TOO_LARGE', `${name} is an item of ${bytes} bytes, over the cap of ${maxBytes} bytes per item; raise it with --max-bytes if it is meant to be read.`, { input, line: fragment.line });
      return { ok: false, input: name, error };
    }
    try {
      return read(list(parseChecked(fragment.xml, input, fragment.line - 1)[tag])[0] ?? {}, i);
    } catch (e) {
      return { ok: false, input: name, error: asWiregraphError(e, 'WG_FEED_NOT_XML', name) };
    }
  }
}

interface FeedEntry {
  readonly outlet: string | null;
  readonly language: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly html: string | null;
  readonly authors: readonly string[];
}

function toItem(input: string, index: number, entry: FeedEntry, date: string | null): ReadItem {
  const name = `${input}#item${index + 1}`;
  const body = entry.html ? htmlFragmentToText(entry.html) : '';
  const { headline, cutFrom } = capHeadline(entry.title ? cleanSpaces(htmlFragmentToText(entry.title)) : null);
  if (body === '' && !headline) {
    return { ok: false, input: name, error: new WiregraphError('WG_FEED_ITEM_EMPTY', `${name} has neither a title nor any text.`, { input: name }) };
  }
  const text = headline && body ? `${headline}\n\n${body}` : (headline ?? body);
  const article = articleFromText(text, {
    outlet: entry.outlet,
    published: entry.published ? parseTimestamp(entry.published) : null,
    headline,
    url: entry.url,
    language: entry.language,
    authors: entry.authors.map(cleanSpaces),
    date,
  });
  const noted = cutFrom === null || headline === null ? article : createArticle(article.text, article.meta, [headlineCutNote(cutFrom, headline), ...article.notes]);
  return { ok: true, input: name, article: withoutControls(noted, name) };
}

function atomLink(value: unknown): string | null {
  const links = list(value);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return alternate ? cleanOrNull(String(alternate['@_href'] ?? '')) : null;
}

function node(value: unknown): Node | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  return ([] as unknown[]).concat(value ?? []).map((v) => node(v) ?? { '#text': v });
}

function text(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return cleanOrNull(String(value)) === null ? null : String(value).trim();
  const n = node(value);
  return n ? text(n['#text']) : null;
}

function isString(value: string | null): value is string {
  return value !== null;
}

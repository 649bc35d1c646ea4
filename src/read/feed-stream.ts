/** One item's markup cut out of a feed, with where it starts. */
export interface FeedFragment {
  /** The `<item>...</item>` or `<entry>...</entry>` markup. */
  readonly xml: string;
  /** The 1-based line of the feed its markup starts on. */
  readonly line: number;
}

/** A feed cut into its items and what is left around them. */
export interface SplitFeed {
  /** The feed with each item replaced by an empty one (`<item/>`) and the item's newlines, so that line numbers still hold. */
  readonly skeleton: string;
  readonly items: readonly FeedFragment[];
}

// Note: CDATA sections and comments are skipped whole, so an `</item>` written inside an item's HTML
// (or a commented-out item) never cuts the feed in the wrong place.
const MARKERS = /<!\[CDATA\[|<!--|<(item|entry)(?=[\s>/])|<\/(item|entry)\s*>/gu;

/**
 * The element that holds one entry in this feed: `entry` for Atom (`<feed>` root), else `item` (RSS 2.0
 * and RSS 1.0), or null when the root is neither.
 */
export function itemTagOf(xml: string): 'item' | 'entry' | null {
  const root = /<(rss|rdf:RDF|feed)(?=[\s>/])/u.exec(xml);
  if (!root) return null;
  return root[1] === 'feed' ? 'entry' : 'item';
}

/**
 * Cuts a feed into its top-level items, so that each is checked, capped and parsed on its own.
 * @param xml - the feed's text
 * @param tag - the item element, from {@link itemTagOf}
 */
export function splitFeedItems(xml: string, tag: 'item' | 'entry'): SplitFeed {
  const items: FeedFragment[] = [];
  const skeleton: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let itemStart = 0;
  let lineCount = 1;
  let lineOffset = 0;
  MARKERS.lastIndex = 0;
  for (let match = MARKERS.exec(xml); match; match = MARKERS.exec(xml)) {
    const [marker, open, close] = match;
    if (marker === '<![CDATA[' || marker === '<!--') {
      const end = xml.indexOf(marker === '<!--' ? '-->' : ']]>', match.index + marker.length);
      MARKERS.lastIndex = end < 0 ? xml.length : end + 3;
      continue;
    }
    if (open === tag) {
      const tagEnd = xml.indexOf('>', match.index);
      const selfClosing = tagEnd > 0 && xml[tagEnd - 1] === '/';
      if (depth === 0) itemStart = match.index;
      if (!selfClosing) depth++;
      else if (depth === 0) addItem(tagEnd + 1);
      continue;
    }
    if (close === tag && depth > 0 && --depth === 0) addItem(match.index + marker.length);
  }
  skeleton.push(xml.slice(copiedTo));
  return { skeleton: skeleton.join(''), items };

  function addItem(end: number): void {
    const markup = xml.slice(itemStart, end);
    items.push({ xml: markup, line: lineAt(itemStart) });
    skeleton.push(xml.slice(copiedTo, itemStart), `<${tag}/>`, '\n'.repeat(countNewlines(markup)));
    copiedTo = end;
  }

  function lineAt(offset: number): number {
    // Note: lines are counted incrementally from the last item, so a feed of many items is scanned once.
    lineCount += countNewlines(xml.slice(lineOffset, offset));
    lineOffset = offset;
    return lineCount;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

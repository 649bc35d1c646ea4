/** The NewsArticle fields we read from JSON-LD. */
export interface JsonLdArticle {
  readonly headline: string | null;
  readonly datePublished: string | null;
  readonly publisher: string | null;
  readonly authors: readonly string[];
  readonly url: string | null;
  /** The article's text as the page gives it (plain text, or HTML on some sites), else null. */
  readonly articleBody: string | null;
}

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Background)?Article$|^BlogPosting$|^LiveBlogPosting$/u;

/**
 * Finds the first article object in a page's JSON-LD blocks (looking inside arrays and `@graph`), skipping
 * blocks that are not valid JSON.
 * @param blocks - the text of each `<script type="application/ld+json">`
 */
export function articleFromJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  for (const block of blocks) {
    let data: unknown;
    try {
      // Note: some pages wrap the JSON in a CDATA section.
      data = JSON.parse(block.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/gu, ''));
    } catch {
      continue;
    }
    const found = findArticle(data);
    if (found) {
      return {
        headline: str(found['headline']) ?? str(found['name']),
        datePublished: str(found['datePublished']) ?? str(found['dateCreated']),
        publisher: names(found['publisher'])[0] ?? null,
        authors: names(found['author']),
        url: str(found['url']) ?? str(asRecord(found['mainEntityOfPage'])?.['@id']) ?? str(found['mainEntityOfPage']),
        articleBody: str(found['articleBody']) ?? str(found['text']),
      };
    }
  }
  return null;
}

function findArticle(data: unknown): Record<string, unknown> | null {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  const record = asRecord(data);
  if (!record) return null;
  const types = ([] as unknown[]).concat(record['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return record;
  return record['@graph'] ? findArticle(record['@graph']) : null;
}

function names(value: unknown): string[] {
  return ([] as unknown[])
    .concat(value ?? [])
    .map((v) => str(v) ?? str(asRecord(v)?.['name']))
    .filter((v): v is string => v !== null);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

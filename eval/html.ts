/**
 * The HTML reader on Readability's 130 test pages (../shared/data/html/readability-test-pages): body text by
 * word 4-gram shingles against expected.html, and metadata against expected-metadata.json.
 *
 * - component row: Readability.js alone on source.html (its `textContent`);
 * - product row: the page through `extractSource` with `--input html`, the very path `wiregraph extract` runs.
 *
 * The product's text is headline, blank line, body; only the body is scored (the text after the headline's
 * paragraph), because expected.html, like a benchmark's human-extracted article body, leaves the title out.
 * Run alone: `npx tsc -p tsconfig.json && node dist/eval/html.js`; `WG_EVAL_PAGES=N` lists the N worst pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Message } from '../src/article/layers.js';
import { articleFromHtml } from '../src/read/html.js';
import { extractText } from './product.js';
import { META_FIELDS, metaFieldRight, shingleScore, type ExpectedMetadata, type MetaField, type ShingleScore } from './html-scores.js';
import type { Row } from './scores.js';
import { sharedPath } from './shared.js';

/** One page's scores. */
export interface HtmlPageResult {
  readonly page: string;
  readonly component: ShingleScore;
  readonly product: ShingleScore;
  /** The product's error code when it refused the page. */
  readonly error: string | null;
  /** The reader's path note (`html-readability`, ...). */
  readonly path: string | null;
  /** The metadata fields with an expected value, and whether ours is right. */
  readonly meta: ReadonlyArray<{ readonly field: MetaField; readonly ok: boolean }>;
}

/** The folder of test pages, or null when ../shared lacks it. */
export function htmlPagesDir(): string | null {
  return sharedPath('data', 'html', 'readability-test-pages');
}

const GOLD_BREAKS = /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|ol|p|pre|section|table|td|th|tr|ul)$/iu;

/**
 * The whole text of expected.html, captions included (nothing left out but scripts and styles), with a line
 * break at every block and `<br>` so that words of adjacent blocks stay apart. Independent of our reader.
 */
function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: ChildNode): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1 || /^(?:script|style)$/iu.test(node.nodeName)) return;
    const block = GOLD_BREAKS.test(node.nodeName);
    if (block) parts.push('\n');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push('\n');
  };
  walk(document.body as unknown as ChildNode);
  return parts.join('');
}

/** The body of a product text: what follows the headline's paragraph, when the text opens with the headline. */
function bodyOf(text: string, headline: string | null): string {
  return headline !== null && text.startsWith(`${headline}\n\n`) ? text.slice(headline.length + 2) : text;
}

/** Scores one page folder. */
export function evaluateHtmlPage(dir: string, page: string): HtmlPageResult {
  const source = readFileSync(join(dir, page, 'source.html'), 'utf8');
  const gold = fragmentText(readFileSync(join(dir, page, 'expected.html'), 'utf8'));
  const expected = JSON.parse(readFileSync(join(dir, page, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;

  const { document } = parseHTML(source);
  const alone = new Readability(document as unknown as Document).parse();
  const component = shingleScore(alone?.textContent ?? '', gold);

  const r = extractText(source, { kind: 'html', name: `${page}.html` });
  const doc = r.doc;
  const product = shingleScore(doc ? bodyOf(doc.text, doc.meta.headline) : '', gold);
  const path = ((doc?.messages ?? []) as Message[]).find((m) => m.source === 'read' && m.rule.startsWith('html-'))?.rule ?? null;
  const meta = META_FIELDS.flatMap((field) => {
    const value = expected[field];
    return value === null || value === undefined || value.trim() === '' ? [] : [{ field, ok: doc !== null && metaFieldRight(field, value, doc.meta) }];
  });
  return { page, component, product, error: r.error, path, meta };
}

/** Scores every page folder. */
export function evaluateHtmlPages(dir: string): HtmlPageResult[] {
  const pages = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return pages.map((page) => evaluateHtmlPage(dir, page));
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** Per-page precision, recall and F1, each averaged over pages. */
function averaged(scores: readonly ShingleScore[]): { p: number; r: number; f1: number } {
  return { p: mean(scores.map((s) => s.precision)), r: mean(scores.map((s) => s.recall)), f1: mean(scores.map((s) => s.f1)) };
}

/**
 * The evaluation rows: component and product body scores, their difference, and the metadata fields.
 * Metadata is counted per field over the pages whose expected value is not null, and as pages with every
 * such field right.
 */
export function htmlRows(results: readonly HtmlPageResult[]): Row[] {
  const corpus = `Readability test pages (${results.length})`;
  const c = averaged(results.map((x) => x.component));
  const p = averaged(results.map((x) => x.product));
  const refused = results.filter((x) => x.error !== null);
  const paths = new Map<string, number>();
  for (const x of results) if (x.path) paths.set(x.path, (paths.get(x.path) ?? 0) + 1);
  const rows: Row[] = [
    { layer: 'html', corpus, metric: 'body 4-gram shingles, Readability.js alone', p: c.p, r: c.r, f1: c.f1, n: results.length, note: 'F1 averaged per page; its textContent' },
    { layer: 'html', corpus, metric: 'body 4-gram shingles, product (extract --input html)', p: p.p, r: p.r, f1: p.f1, n: results.length, note: `${refused.length} refused (count 0); ${[...paths].map(([k, v]) => `${k} ${v}`).join(', ')}` },
    { layer: 'html', corpus, metric: 'body F1, product - component', f1: p.f1 - c.f1, n: results.length, note: 'negative: what our reading around Readability loses' },
  ];
  for (const field of META_FIELDS) {
    const scored = results.flatMap((x) => x.meta.filter((m) => m.field === field));
    rows.push({ layer: 'html', corpus, metric: `meta ${field} exact, product`, accuracy: mean(scored.map((m) => (m.ok ? 1 : 0))), n: scored.length, note: 'pages whose expected value is not null' });
  }
  const allRight = results.filter((x) => x.meta.every((m) => m.ok)).length;
  rows.push({ layer: 'html', corpus, metric: 'pages with every expected meta field right', accuracy: allRight / results.length, n: results.length });
  return rows;
}

/**
 * Times the HTML reader alone (`articleFromHtml`, refusals included) over every page, best of `rounds`.
 * @returns milliseconds per page
 */
export function timeHtmlReader(dir: string, rounds = 3): number {
  const pages = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => readFileSync(join(dir, e.name, 'source.html'), 'utf8'));
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const html of pages) {
      try {
        articleFromHtml(html, 'page.html');
      } catch {
        // Note: a refused page is timed too; its error is scored by evaluateHtmlPages.
      }
    }
    best = Math.min(best, performance.now() - started);
  }
  return best / pages.length;
}

/** A listing of the `n` pages where the product scores worst, with what went wrong. */
export function worstPages(results: readonly HtmlPageResult[], n: number): string {
  return [...results]
    .sort((a, b) => a.product.f1 - b.product.f1)
    .slice(0, n)
    .map((x) => {
      const wrongMeta = x.meta.filter((m) => !m.ok).map((m) => m.field).join(',');
      return `${x.page.padEnd(44)} F1 ${x.product.f1.toFixed(3)} (P ${x.product.precision.toFixed(3)} R ${x.product.recall.toFixed(3)}) alone ${x.component.f1.toFixed(3)}  ${x.error ?? x.path ?? ''}${wrongMeta ? `  meta wrong: ${wrongMeta}` : ''}`;
    })
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./scores.js');
  const dir = htmlPagesDir();
  if (!dir) {
    process.stdout.write('skipped  html: ../shared/data/html/readability-test-pages is absent\n');
  } else {
    const started = performance.now();
    const results = evaluateHtmlPages(dir);
    process.stdout.write(`${formatTable(htmlRows(results))}\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    if (process.env['WG_EVAL_TIME'] === '1') process.stdout.write(`reader alone: ${timeHtmlReader(dir).toFixed(2)} ms per page (best of 3)\n`);
    const listed = Number(process.env['WG_EVAL_PAGES'] ?? 0);
    if (listed > 0) process.stdout.write(`\n${worstPages(results, listed)}\n`);
  }
}

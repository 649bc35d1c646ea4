import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from '../api/extract.js';
import { packageRoot } from '../data-dir.js';
import { ingest } from '../ingest/ingest.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore } from '../store/store.js';
import { buildApp, UI_DIR } from './app.js';

// Debian's Chromium, installed by .ci/run when missing; never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(packageRoot(), 'test-artifacts', 'ui');
const ready = existsSync(CHROMIUM) && existsSync(join(UI_DIR, 'index.html'));
if (!ready) process.stdout.write(`skipping the browser tests: ${existsSync(CHROMIUM) ? 'the UI is not built (npm run build:ui)' : `${CHROMIUM} is missing (apt-get install -y chromium)`}\n`);

const HOSTILE = 'Hostile page test\n\nA story quoting markup: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> were in the text. Officials in Seoul said nothing ran.';

describe.skipIf(!ready)('the web UI in Chromium', () => {
  let store: ArticleStore;
  let app: ReturnType<typeof buildApp>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let hostileId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    store = openSqliteStore(':memory:');
    await ingest([join(packageRoot(), 'data', 'sample')], store, { kind: 'auto', date: null, maxBytes: 1e7, batchSize: 200 });
    const [hostile] = extractSource({ name: 'hostile.txt', bytes: Buffer.from(HOSTILE), contentType: null, url: null }, { kind: 'text', date: '2025-09-14', maxBytes: 1e7 });
    if (!hostile?.ok) throw new Error('hostile story not extracted');
    hostileId = hostile.doc.id;
    store.addBatch([{ doc: hostile.doc, source: 'hostile' }]);
    app = buildApp({ store });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
  });

  it('shows its first view in under a second, under a strict CSP', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const started = Date.now();
    const response = await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Latest articles' }).waitFor();
    await page.locator('.results li').first().waitFor();
    const elapsed = Date.now() - started;
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(elapsed).toBeLessThan(1000);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, '1-home.png'), fullPage: true });
  });

  it('searches Kim, opens the seed story, clicks Kim Jong Un and sees his quotes', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('Kim');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Articles matching “Kim”' }).waitFor();
    await page.locator('.results mark').first().waitFor();
    expect((await page.locator('.results mark').first().innerText()).toLowerCase()).toBe('kim');
    await page.locator('ul.chips a', { hasText: 'Kim Jong Un' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '2-search-kim.png'), fullPage: true });

    await page.getByRole('link', { name: /North Korea to boost nuclear arsenal/u }).first().click();
    await page.locator('.text .entity.PERSON').first().waitFor();
    expect(await page.locator('.text .quote').count()).toBeGreaterThan(0);
    expect(await page.locator('.text .timex').count()).toBeGreaterThan(0);
    expect(await page.locator('aside .event').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, '3-reader.png'), fullPage: true });

    await page.locator('.text a.entity.PERSON', { hasText: 'Kim Jong Un' }).first().click();
    await page.getByRole('heading', { name: /Kim Jong Un/u }).waitFor();
    await page.locator('.quotes li').first().waitFor();
    expect(await page.locator('.quotes').innerText()).toContain('would put forward the policy');
    expect(await page.getByRole('link', { name: 'Wikidata Q56226' }).getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q56226');
    expect(await page.locator('.merges li').first().innerText()).toContain('by wikidata');
    await page.screenshot({ path: join(ARTIFACTS, '4-entity-kim.png'), fullPage: true });
  });

  it('opens the network, picks an edge, and reaches the sentence it came from', async () => {
    await page.getByRole('link', { name: 'network', exact: true }).click();
    await page.locator('[data-testid="network"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, '5-network.png'), fullPage: true });
    await page.locator('details.edges summary').click();
    await page.locator('button.edge').first().click();
    const source = page.locator('.events .source').first();
    await source.waitFor();
    await source.click();
    const highlight = page.locator('.text .highlight').first();
    await highlight.waitFor();
    expect((await highlight.innerText()).length).toBeGreaterThan(0);
    expect(await highlight.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '6-source-sentence.png') });
  });

  it('shows the timeline of an entity', async () => {
    await page.goto(`${base}/#/timeline`);
    await page.locator('svg.chart rect').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '7-timeline.png'), fullPage: true });
  });

  it('renders markup in a story as text and never runs it', async () => {
    await page.goto(`${base}/#/article/${hostileId}`);
    await page.locator('.text').waitFor();
    expect(await page.locator('.text').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('.text img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: join(ARTIFACTS, '8-hostile.png') });
  });
});

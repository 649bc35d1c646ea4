import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStore } from '../store/store.js';
import type { buildApp } from './app.js';
import { openUiHarness, UI_ARTIFACTS, uiReady, type UiHarness } from '../test-support/ui-harness.js';

// Attribution everywhere (issue 16, part 1), in Debian's Chromium (see ui.e2e.test.ts), on the sample's seed story.
const ARTIFACTS = UI_ARTIFACTS;
const ready = uiReady;

describe.skipIf(!ready)('the web UI: who says so', () => {
  let store: ArticleStore;
  let app: ReturnType<typeof buildApp>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let seed: string;

  let harness: UiHarness | undefined;

  beforeAll(async () => {
    harness = await openUiHarness({ prepare: (s) => {
      store = s;
      seed = store.search('"boost nuclear arsenal"', { limit: 5 }).items.find((h) => h.outlet === 'BSS')!.id;
    }, width: 1400 });
    ({ store, app, base, browser, page } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  const openSeed = async (): Promise<void> => {
    await page.goto(`${base}/#/article/${seed}`);
    await page.locator('.outlet-chain').waitFor();
  };

  it('heads the seed story with its outlet chain, KCNA -> AFP -> BSS, each link with its role', async () => {
    await openSeed();
    const links = page.locator('.outlet-chain li');
    expect(await links.locator('strong').allInnerTexts()).toEqual(['KCNA', 'AFP', 'BSS']);
    expect(await links.locator('.chain-role').allInnerTexts()).toEqual(['Korean Central News Agency, channel of its claims', 'originator', 'republisher']);
    expect(await page.locator('.outlet-line .muted').innerText()).toContain('2025-09-13 08:28');
    // Note: one line at 1400 px: every link starts at the height of the first.
    const tops = await links.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });

  it('does not show the headline as a quote of "state media", and says whom the headline credits', async () => {
    await openSeed();
    const quotes = await page.locator('aside .quotes li').allInnerTexts();
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes.join('\n')).not.toContain('state media ::');
    expect(quotes.some((q) => q.includes('North Korea to boost nuclear arsenal'))).toBe(false);
    expect(await page.locator('.outlet-line .muted').innerText()).toContain('headline credits state media');
    expect(await page.locator('.text .quote').evaluateAll((els) => els.some((el) => (el.textContent ?? '').startsWith('North Korea to boost')))).toBe(false);
  });

  it("shows each of the reader's quotes with its kind, speaker and channels", async () => {
    await openSeed();
    const items = page.locator('aside .quotes li');
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      expect(['direct quote', 'paraphrase', 'partly quoted']).toContain(await item.locator('.kind').innerText());
      expect((await item.locator('strong').innerText()).length).toBeGreaterThan(1);
    }
    const kcna = items.filter({ hasText: 'simultaneously pushing forward' });
    expect(await kcna.innerText()).toMatch(/^partly quoted Kim Jong Un said, via the state-run Korean Central News Agency: /u);
    expect(await items.filter({ hasText: 'Pyongyang will unveil' }).locator('.channels').innerText()).toBe(', via state media');
    expect(await items.filter({ hasText: 'Hong Min' }).first().locator('.kind').innerText()).toBe('direct quote');
  });

  it('says who reports each event the seed story only reports, with the channels, in the reader', async () => {
    await openSeed();
    const reported = await page.locator('aside .event .reported').allInnerTexts();
    expect(reported).toEqual(expect.arrayContaining(['reported by Seoul', 'reported by Kim Jong Un, via state media', 'reported by Kim, via the state-run Korean Central News Agency']));
    const events = store.get(seed)!.events;
    expect(reported).toHaveLength(events.filter((e) => e.reportedBy).length);
  });

  it('lists events and quotes with their attribution in one line each', async () => {
    await page.goto(`${base}/#/facts?outlet=BSS`);
    const quote = page.locator('.quotes .quote-item', { hasText: 'simultaneously pushing forward' }).first();
    await quote.waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'attribution-facts-1400.png'), fullPage: true });
    const attribution = quote.locator('.attribution');
    expect(await attribution.innerText()).toBe('Kim Jong Un said, via the state-run Korean Central News Agency');
    expect(await quote.locator('.kind').innerText()).toBe('partly quoted');
    // Note: one line means one inline run in the item, which wraps only where the column is narrower than it.
    const inline = async (locator: ReturnType<Page['locator']>): Promise<string[]> => locator.evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
    expect(await inline(quote.locator('.kind, .attribution, .attribution strong, .channels'))).toEqual(['inline', 'inline', 'inline', 'inline']);
    const top = async (locator: ReturnType<Page['locator']>): Promise<number> => Math.round((await locator.evaluate((el) => el.getClientRects()[0]!.top)));
    // Note: within 8 px, less than a line: the kind's smaller type sits a little lower on the same line.
    expect(Math.abs((await top(quote.locator('.kind'))) - (await top(attribution.locator('strong'))))).toBeLessThan(8);
    expect(Math.abs((await top(attribution.locator('strong'))) - (await top(attribution.locator('.channels'))))).toBeLessThan(8);
    const event = page.locator('.events li', { hasText: 'reported by Kim Jong Un' }).first();
    expect(await event.locator('.reported').innerText()).toBe('reported by Kim Jong Un, via state media');
    expect(await inline(event.locator('.sides, .action, .reported'))).toEqual(['inline', 'inline', 'inline', 'inline']);
    const texts = await page.locator('.quotes .quote-item').allInnerTexts();
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.some((t) => /state media\s*:/u.test(t))).toBe(false);
    const stated = page.locator('.events li', { hasText: 'signed' }).first();
    expect(await stated.locator('.reported').count()).toBe(0);
  });

  it('screenshots the seed story at 1400 and 390 px, in one column without sideways scrolling at 390', async () => {
    await openSeed();
    await page.screenshot({ path: join(ARTIFACTS, 'attribution-article-1400.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openSeed();
      await page.screenshot({ path: join(ARTIFACTS, 'attribution-article-390.png'), fullPage: true });
      await page.screenshot({ path: join(ARTIFACTS, 'attribution-article-390-top.png') });
      await page.locator('.reader aside').screenshot({ path: join(ARTIFACTS, 'attribution-article-390-aside.png') });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const [article, aside] = await Promise.all([page.locator('.reader article').boundingBox(), page.locator('.reader aside').boundingBox()]);
      expect(aside!.y).toBeGreaterThanOrEqual(article!.y + article!.height - 1);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});

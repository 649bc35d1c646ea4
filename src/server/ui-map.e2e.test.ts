import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../store/graph.js';
import { openUiHarness, UI_ARTIFACTS, uiReady, type UiHarness } from '../test-support/ui-harness.js';

// The map of events (issue 20), in Debian's Chromium (see ui.e2e.test.ts), on the sample.
describe.skipIf(!uiReady)('the web UI: the map of events', () => {
  let harness: UiHarness | undefined;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    harness = await openUiHarness({ width: 1200 });
    ({ base, browser, page } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('draws the events where they happened, offline, and lists the events of a circle with their sources', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const map = (await (await fetch(`${base}/api/map?modes=all`)).json()) as EventMap;
    expect(map.points.length).toBeGreaterThan(1);
    await page.goto(`${base}/#/map`);
    await page.locator('.map svg circle.place').first().waitFor();
    expect(await page.locator('.map svg path.land').getAttribute('d')).toMatch(/^M/u);
    const circles = await page.locator('.map svg circle.place').count();
    expect(circles).toBeGreaterThan(0);
    expect(circles).toBeLessThanOrEqual(map.points.length);
    await page.screenshot({ path: join(UI_ARTIFACTS, '30-map.png'), fullPage: true });
    // Note: the largest circle holds the most events; choosing it lists them, each linking to its sentence.
    const sizes = await page.locator('.map svg circle.place').evaluateAll((els) => els.map((e) => Number(e.getAttribute('r'))));
    await page.locator('.map svg circle.place').nth(sizes.indexOf(Math.max(...sizes))).click();
    await page.locator('.place-events li.event').first().waitFor();
    expect(await page.locator('.place-events li.event').count()).toBeGreaterThan(0);
    expect(await page.locator('.place-events li.event a.source').first().getAttribute('href')).toMatch(/^#\/article\/[0-9a-f]+\?sentence=/u);
    await page.screenshot({ path: join(UI_ARTIFACTS, '31-map-events.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(browser.isConnected()).toBe(true);
  });

  it('shows where a place is on its entity page: its point on its surroundings, its coordinates and the events there', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const hits = (await (await fetch(`${base}/api/entities?q=Beijing&type=LOC`)).json()) as { items: Array<{ id: number; name: string }> };
    const beijing = hits.items.find((e) => e.name === 'Beijing')!;
    const profile = (await (await fetch(`${base}/api/entities/${beijing.id}`)).json()) as { place: { lat: number; lon: number; country: string } | null };
    expect(profile.place).toMatchObject({ country: 'CHN' });
    await page.goto(`${base}/#/entity/${beijing.id}`);
    await page.locator('.place-inset svg circle.here').waitFor();
    expect(await page.locator('.place-inset svg path.land').getAttribute('d')).toMatch(/^M/u);
    await expect.poll(() => page.locator('.place-inset').textContent()).toMatch(/39\.\d\d° N, 116\.\d\d° E/u);
    // Note: the seed's parade (Kim and Putin flanked Xi) was placed in Beijing, so it is among the events there.
    await page.locator('.place-inset li.event').first().waitFor();
    expect(await page.locator('.place-inset li.event').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/flanked/u)]));
    await page.screenshot({ path: join(UI_ARTIFACTS, '32-place-entity.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
  });

  it('maps the places the articles talk about, and opens the place named most at a circle', async () => {
    await page.goto(`${base}/#/map?layer=mentions`);
    await page.locator('.map svg circle.place').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Map of places mentioned' }).count()).toBe(1);
    const labels = await page.locator('.map svg circle.place').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l).toMatch(/^\d+ mentions?, most of \S/u);
    await page.screenshot({ path: join(UI_ARTIFACTS, '33-map-mentions.png'), fullPage: true });
    const sizes = await page.locator('.map svg circle.place').evaluateAll((els) => els.map((e) => Number(e.getAttribute('r'))));
    await page.locator('.map svg circle.place').nth(sizes.indexOf(Math.max(...sizes))).click();
    await page.locator('.place-inset svg circle.here').waitFor();
    expect(page.url()).toMatch(/#\/entity\/\d+$/u);
    // Note: the filter bar keeps the layer: filtering by type stays on the places mentioned.
    await page.goto(`${base}/#/map?layer=mentions&type=PERSON`);
    await page.getByRole('heading', { name: 'Map of places mentioned' }).waitFor();
    await page.locator('.map svg').waitFor();
    expect(await page.locator('.map svg circle.place').count()).toBe(0);
  });

  it('keeps its filters in the URL: a PLOVER type the sample has no event of leaves no circle', async () => {
    await page.goto(`${base}/#/map?plover=SANCTION&from=1990&to=1990`);
    await page.getByText(/no place on the map|Map of events/u).first().waitFor();
    await page.locator('.map svg, .map p').first().waitFor();
    expect(await page.locator('.map svg circle.place').count()).toBe(0);
  });
});

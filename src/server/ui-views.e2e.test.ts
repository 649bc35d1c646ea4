import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../article/layers.js';
import { modalDoc } from '../store/contract-events.js';
import type { ArticleStore } from '../store/store.js';
import type { buildApp } from './app.js';
import { openUiHarness, UI_ARTIFACTS, uiReady, type UiHarness } from '../test-support/ui-harness.js';

// The state, counting and chart bugs of issue 16, in Debian's Chromium (see ui.e2e.test.ts), on the sample.
const ARTIFACTS = UI_ARTIFACTS;
const ready = uiReady;

interface Edge { source: number; target: number; weight: number }

/** The contract's Russia/Ukraine events, the attack dated by its ISO week, and Ukraine answering once. */
function weekDoc(): ReturnType<typeof modalDoc> {
  const doc = modalDoc();
  const events: Event[] = doc.events.map((e) => ({ ...e, date: '2025-W37' }));
  events.push({ ...events[0]!, id: 'V9', cameo: '111', plover: 'ACCUSE', source: events[0]!.target, target: events[0]!.source });
  return { ...doc, events };
}

describe.skipIf(!ready)('the web UI: state, counts and charts', () => {
  let store: ArticleStore;
  let app: ReturnType<typeof buildApp>;
  let browser: Browser;
  let page: Page;
  let base: string;
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${base}${path}`)).json()) as T;
  const entity = async (q: string, type?: string): Promise<{ id: number; name: string }> => (await api<{ items: Array<{ id: number; name: string }> }>(`/api/entities?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ''}`)).items[0]!;
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

  let harness: UiHarness | undefined;

  beforeAll(async () => {
    harness = await openUiHarness({ prepare: (s) => {
      store = s;
      store.addBatch([{ doc: weekDoc(), source: 'week' }]);
    }, width: 1400 });
    ({ store, app, base, browser, page } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the query of the results in the search box after Back, and / focuses it', async () => {
    await page.goto(`${base}/`);
    for (const q of ['Kim', 'Putin']) {
      await page.getByRole('searchbox', { name: 'Search' }).fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { name: `Articles matching “${q}”` }).waitFor();
    }
    await page.goBack();
    await page.getByRole('heading', { name: 'Articles matching “Kim”' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('Kim');
    await page.goto(`${base}/#/stories`);
    await page.locator('.stories').waitFor();
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
    expect(page.url()).toMatch(/#\/$/u);
  });

  it("lists an edge's own events, its weight's worth, and forgets them on another entity's network", async () => {
    const [russia, ukraine] = [await entity('Russia', 'GPE'), await entity('Ukraine', 'GPE')];
    const net = await api<{ edges: Edge[] }>(`/api/network?actor=${russia.id}&limit=40`);
    const edge = net.edges.find((e) => e.source === russia.id && e.target === ukraine.id)!;
    // Note: both directions and every mode, what the view listed before, are more than the edge weighs.
    const both = await api<{ items: unknown[] }>(`/api/events?actor=${russia.id}&counterpart=${ukraine.id}`);
    expect(both.items.length).toBeGreaterThan(edge.weight);
    await page.goto(`${base}/#/network?actor=${russia.id}`);
    await page.locator('details.edges summary').click();
    await page.getByRole('button', { name: 'Russia → Ukraine', exact: true }).click();
    await page.getByRole('heading', { name: `Russia → Ukraine: ${edge.weight} ${edge.weight === 1 ? 'event' : 'events'}` }).waitFor();
    await page.locator('.edge-events li').first().waitFor();
    expect(await page.locator('.edge-events li').count()).toBe(edge.weight);
    expect(await page.locator('.edge-events .mode').count()).toBe(0);
    await page.goto(`${base}/#/network?actor=${ukraine.id}`);
    await page.getByRole('heading', { name: /Actor network of Ukraine/u }).waitFor();
    await page.locator('[data-testid="network"] canvas').first().waitFor();
    expect(await page.locator('.edge-events').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /Russia → Ukraine/u }).count()).toBe(0);
  });

  it('draws network labels of at least 11 px that do not overlap, and zooms', async () => {
    const us = await entity('United States', 'GPE');
    await page.goto(`${base}/#/network?actor=${us.id}`);
    await page.locator('[data-testid="network"] canvas').first().waitFor();
    const labels = async (): Promise<{ px: number[]; overlaps: string[]; zoom: number; shown: number }> => page.evaluate(() => {
      type Box = { x1: number; x2: number; y1: number; y2: number; w: number; h: number };
      type Node = { data(k: string): string; style(k: string): string; renderedBoundingBox(o: object): Box };
      const cy = (document.querySelector('[data-testid="network"]') as unknown as { _cyreg: { cy: { zoom(): number; width(): number; height(): number; nodes(): { toArray(): Node[] } } } })._cyreg.cy;
      const view = { w: cy.width(), h: cy.height() };
      const nodes = cy.nodes().toArray().map((n) => ({ name: n.data('label'), px: parseFloat(n.style('font-size')) * cy.zoom(), box: n.renderedBoundingBox({ includeLabels: true }) }))
        .filter((n) => n.box.x2 > 0 && n.box.x1 < view.w && n.box.y2 > 0 && n.box.y1 < view.h);
      const overlaps: string[] = [];
      for (const [i, a] of nodes.entries()) for (const b of nodes.slice(i + 1)) if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) overlaps.push(`${a.name} / ${b.name}`);
      return { px: nodes.map((n) => n.px), overlaps, zoom: cy.zoom(), shown: nodes.length };
    });
    const before = await labels();
    expect(before.shown).toBeGreaterThan(5);
    expect(Math.min(...before.px)).toBeGreaterThanOrEqual(11);
    expect(before.overlaps).toEqual([]);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect((await labels()).zoom).toBeGreaterThan(before.zoom);
    await page.getByRole('button', { name: 'Reset view' }).click();
    expect((await labels()).zoom).toBeCloseTo(before.zoom);
    await page.waitForTimeout(200);
    await shot('20-network-1400.png');
  });

  it('names the entity in the timeline, puts a week in its month, and keeps one granularity on a time axis', async () => {
    const russia = await entity('Russia', 'GPE');
    await page.goto(`${base}/#/timeline?actor=${russia.id}`);
    await page.getByRole('heading', { name: 'Timeline: Russia' }).waitFor();
    await page.locator('.time-chart .bars').first().waitFor();
    // All events: 2002 to 2025, dated by day, month, week, season or year alone, on one axis of years.
    await page.goto(`${base}/#/timeline`);
    await page.locator('.time-chart .bars').first().waitFor();
    const ticks = await page.locator('.time-chart .time text').allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every((t) => /^\d{4}$/u.test(t)) || ticks.every((t) => /^\d{4}-\d{2}$/u.test(t))).toBe(true);
    const periods = await page.locator('.time-chart .bars').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-period')!));
    expect(periods.every((p) => p.length === periods[0]!.length)).toBe(true);
    expect(periods).not.toContain('2025-W3');
    const xs = await page.locator('.time-chart .bars').evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().x + g.getBoundingClientRect().width / 2));
    const perYear = (xs.at(-1)! - xs[0]!) / (Number(periods.at(-1)) - Number(periods[0]));
    expect(xs.every((x, i) => Math.abs(x - xs[0]! - (Number(periods[i]) - Number(periods[0])) * perYear) < 2)).toBe(true);
    await shot('21-timeline-1400.png');
    // Kim Jong Un's events fall within five years (2021-01 to the week 2025-W37): a month axis, the week in 2025-09.
    const kim = await entity('Kim Jong Un');
    await page.goto(`${base}/#/timeline?actor=${kim.id}`);
    await page.getByRole('heading', { name: 'Timeline: Kim Jong Un' }).waitFor();
    await page.locator('.time-chart .bars').first().waitFor();
    expect(await page.locator('.time-chart .bars').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-period')))).toEqual(['2021-01', '2025-09']);
    expect((await page.locator('.time-chart .time text').allTextContents()).every((t) => /^\d{4}-\d{2}$/u.test(t))).toBe(true);
    await shot('25-timeline-kim-1400.png');
  });

  it('draws mentions on a time axis with gaps, values, 11 px labels, and figures reachable by keyboard', async () => {
    const russia = await entity('Russia', 'GPE');
    await page.goto(`${base}/#/entity/${russia.id}`);
    await page.locator('.time-chart .bars').first().waitFor();
    // Russia is mentioned in 2007, 2008 and 2025: seventeen empty years between the last two.
    const bars = await page.locator('.time-chart .bars').evaluateAll((gs) => gs.map((g) => ({ period: g.getAttribute('data-period')!, x: g.getBoundingClientRect().x })));
    expect(bars.map((b) => b.period)).toEqual(['2007', '2008', '2025']);
    expect((bars[2]!.x - bars[1]!.x) / (bars[1]!.x - bars[0]!.x)).toBeCloseTo(17, 0);
    expect(await page.locator('.time-chart .values text').count()).toBeGreaterThanOrEqual(2);
    const sizes = await page.locator('.time-chart svg text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().height));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    await page.locator('.time-chart .bars').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.locator('.time-chart .readout').innerText()).toMatch(/^2008: \d+ mentions$/u);
    await shot('22-entity-1400.png');
  });

  it('shows what a quote mark says on keyboard focus, not only on hover', async () => {
    const kim = await entity('Kim Jong Un');
    const doc = (await api<{ items: Array<{ source: { article: string } }> }>(`/api/quotes?speaker=${kim.id}`)).items[0]!.source.article;
    await page.goto(`${base}/#/article/${doc}`);
    const quote = page.locator('.text .quote[tabindex="0"]').first();
    await quote.waitFor();
    await quote.focus();
    const tip = await quote.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tip).toMatch(/quote|paraphrase/iu);
    await shot('23-reader-1400.png');
  });

  it('lays every view out in one column at 390 px, without scrolling sideways', async () => {
    const [russia, kim] = [await entity('Russia', 'GPE'), await entity('Kim Jong Un')];
    const doc = (await api<{ items: Array<{ source: { article: string } }> }>(`/api/quotes?speaker=${kim.id}`)).items[0]!.source.article;
    await page.setViewportSize({ width: 390, height: 844 });
    const views: Array<[string, string, string]> = [
      [`#/?q=Kim`, '.results li', '30-search-390.png'],
      [`#/article/${doc}`, 'aside .event', '31-reader-390.png'],
      [`#/entity/${russia.id}`, '.time-chart .bars', '32-entity-390.png'],
      [`#/network?actor=${russia.id}`, '[data-testid="network"] canvas', '33-network-390.png'],
      [`#/timeline?actor=${russia.id}`, '.time-chart .bars', '34-timeline-390.png'],
    ];
    for (const [hash, selector, name] of views) {
      await page.goto(`${base}/${hash}`);
      await page.locator(selector).first().waitFor();
      expect([hash, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([hash, 390]);
      await shot(name);
    }
    await page.goto(`${base}/#/article/${doc}`);
    await page.locator('aside .event').first().waitFor();
    const [text, aside] = [await page.locator('.reader > article').boundingBox(), await page.locator('.reader > aside').boundingBox()];
    expect(aside!.y).toBeGreaterThanOrEqual(text!.y + text!.height);
    expect(aside!.width).toBeGreaterThan(300);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('undoes a merge only once asked, saying which name it splits off', async () => {
    const uk = await entity('United Kingdom', 'GPE');
    await page.goto(`${base}/#/entity/${uk.id}`);
    const line = page.locator('.merges li', { hasText: '“British”' }).first();
    await line.waitFor();
    await line.getByRole('button', { name: 'Undo' }).click();
    const ask = line.getByRole('alertdialog');
    expect(await ask.innerText()).toMatch(/^Split “British” in “.+” off from United Kingdom\?/u);
    await line.screenshot({ path: join(ARTIFACTS, '24-undo-confirm.png') });
    await ask.getByRole('button', { name: 'Keep it' }).click();
    expect(await line.getByRole('alertdialog').count()).toBe(0);
    const merges = (await api<{ merges: Array<{ undone: boolean }> }>(`/api/entities/${uk.id}`)).merges;
    expect(merges.filter((m) => m.undone)).toEqual([]);
    await line.getByRole('button', { name: 'Undo' }).click();
    await line.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByRole('heading', { name: /^British/u }).waitFor();
    const undone = page.locator('.merges li', { hasText: '“British”' }).first();
    expect(await undone.innerText()).toMatch(/undone \(was in United Kingdom\)/u);
    await undone.getByRole('button', { name: 'Redo' }).click();
    expect(await undone.getByRole('alertdialog').innerText()).toMatch(/^Merge “British” in “.+” back into United Kingdom\?/u);
    await undone.screenshot({ path: join(ARTIFACTS, '25-redo-confirm.png') });
    await undone.getByRole('button', { name: 'Redo the merge' }).click();
    await page.getByRole('heading', { name: /^United Kingdom/u }).waitFor();
    const after = (await api<{ merges: Array<{ name: string; undone: boolean }> }>(`/api/entities/${uk.id}`)).merges;
    expect(after.find((m) => m.name === 'British')).toMatchObject({ undone: false });
  });
});

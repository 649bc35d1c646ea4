import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from '../api/extract.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import type { ArticleStore } from '../store/store.js';
import { docOf } from '../test-support/docs.js';
import type { buildApp } from './app.js';
import { CHROMIUM, openUiHarness, UI_ARTIFACTS, uiReady, type UiHarness } from '../test-support/ui-harness.js';

// Debian's Chromium, installed by .ci/run when missing; never a downloaded browser.
const ARTIFACTS = UI_ARTIFACTS;
const ready = uiReady;
if (!ready) process.stdout.write(`skipping the browser tests: ${existsSync(CHROMIUM) ? 'the UI is not built (npm run build:ui)' : `${CHROMIUM} is missing (apt-get install -y chromium)`}\n`);

const HOSTILE = 'Hostile page test\n\nA story quoting markup: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> were in the text. Officials in Seoul said nothing ran.';

// A wire story in three copies, written for this test: the agency's original, a cut copy from another outlet
// (first four paragraphs, credit changed, one figure reworded), and the agency's rolling version with a new lead and two paragraphs added.
const FLOOD = [
  'SYLHET, Bangladesh (AFP) - Flash floods swept through villages in northeastern Bangladesh on Thursday after three days of monsoon rain, killing at least 14 people and cutting off roads to the city of Sylhet, officials said.',
  'The district administrator, Mohammad Rahim, said rescue teams in boats had reached about 2,000 families stranded on rooftops and school buildings, but that many remote villages could still not be reached.',
  '"The water came in the night, faster than anyone here has seen," said Nasima Begum, a rice farmer who sheltered with her four children on the roof of a mosque near the Surma river.',
  'The weather office warned that more heavy rain was expected over the weekend as water poured down from the hills of the neighbouring Indian state of Meghalaya.',
  'Army units were deployed to three districts to help distribute drinking water and dry food, and the health ministry sent medical teams to prevent outbreaks of diarrhoea.',
  'Bangladesh, a low-lying delta nation of 170 million people, is hit by floods every year, but scientists say a warming climate is making extreme rainfall more frequent.',
  'Floods in the same region in 2022 left more than seven million people in need of aid and destroyed tens of thousands of homes, according to the United Nations.',
];
const FLOOD_LEAD = 'SYLHET, Bangladesh (AFP) - The death toll from flash floods in northeastern Bangladesh rose to 31 on Friday as rescuers in boats searched submerged villages and the army flew food to districts cut off by the water.';
const FLOOD_LATER = [
  'The country\'s disaster management minister said the government had opened more than 500 shelters and would give every affected family rice and cash for two weeks.',
  'Aid agencies said clean water was the most urgent need, as wells and hand pumps across the region were under water and reports of diarrhoea were rising.',
];

/** A document of the flood story as one outlet carried it. */
function floodCopy(headline: string, paragraphs: readonly string[], meta: { outlet: string; url: string; published: string }): WiregraphDoc {
  const doc = docOf(headline, paragraphs.join('\n\n'), meta.published);
  return { ...doc, meta: { ...doc.meta, ...meta } };
}

describe.skipIf(!ready)('the web UI in Chromium', () => {
  let store: ArticleStore;
  let app: ReturnType<typeof buildApp>;
  let browser: Browser;
  let page: Page;
  let base: string;
  let hostileId: string;
  let flood: { original: WiregraphDoc; cut: WiregraphDoc; version: WiregraphDoc };

  let harness: UiHarness | undefined;

  beforeAll(async () => {
    harness = await openUiHarness({ prepare: (s) => {
      store = s;
      const [hostile] = extractSource({ name: 'hostile.txt', bytes: Buffer.from(HOSTILE), contentType: null, url: null }, { kind: 'text', date: '2025-09-14', maxBytes: 1e7 });
      if (!hostile?.ok) throw new Error('hostile story not extracted');
      hostileId = hostile.doc.id;
      store.addBatch([{ doc: hostile.doc, source: 'hostile' }]);
      flood = {
        original: floodCopy('Flash floods kill 14 in northeast Bangladesh', FLOOD, { outlet: 'AFP', url: 'https://afp.example/bangladesh-floods', published: '2025-06-12T06:10' }),
        cut: floodCopy('Floods leave thousands stranded in Sylhet', [FLOOD[0]!.replace('(AFP)', '(BSS/AFP)'), FLOOD[1]!.replace('about 2,000', 'some 2,000'), ...FLOOD.slice(2, 4)], { outlet: 'Daily Sun', url: 'https://dailysun.example/sylhet-floods', published: '2025-06-12T08:45' }),
        version: floodCopy('UPDATE 1-Bangladesh flood toll rises to 31', [FLOOD_LEAD, ...FLOOD.slice(1), ...FLOOD_LATER], { outlet: 'AFP', url: 'https://afp.example/bangladesh-floods-update', published: '2025-06-13T11:30' }),
      };
      store.addBatch([{ doc: flood.original, source: 'afp' }, { doc: flood.cut, source: 'daily-sun' }, { doc: flood.version, source: 'afp-update' }]);
    }, width: 1280 });
    ({ store, app, base, browser, page } = harness);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('shows its first view in under a second, under a strict CSP', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const started = Date.now();
    const response = await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Articles, newest published first' }).waitFor();
    await page.locator('.results li').first().waitFor();
    let fastest = Date.now() - started;
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(errors, errors.join('\n')).toEqual([]);
    // Note: a new visitor's first view, each in a fresh browser context (no cache), the fastest of three: on a
    // loaded two-core machine the first navigation of a just-started browser took 1 to 3.6 s, on an idle one 0.15 s.
    for (let i = 0; i < 2 && fastest >= 1000; i++) {
      const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const fresh = await visitor.newPage();
      const again = Date.now();
      await fresh.goto(`${base}/`);
      await fresh.locator('.results li').first().waitFor();
      fastest = Math.min(fastest, Date.now() - again);
      await visitor.close();
    }
    expect(fastest).toBeLessThan(1000);
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
    await page.locator('.time-chart rect').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, '7-timeline.png'), fullPage: true });
  });

  it("says who reports an event only reported, links it to the quote, and tells a direct quote from a paraphrase", async () => {
    const russia = ((await (await fetch(`${base}/api/entities?q=Russia&type=GPE`)).json()) as { items: Array<{ id: number }> }).items[0]!;
    await page.goto(`${base}/#/entity/${russia.id}`);
    const line = page.locator('.events li', { hasText: 'stepping up' }).first();
    await line.waitFor();
    expect(await line.locator('.reported').innerText()).toBe('reported by Seoul');
    await line.screenshot({ path: join(ARTIFACTS, '14-reported-event.png') });
    await line.locator('.reported a').click();
    const highlight = page.locator('.text .highlight').first();
    await highlight.waitFor();
    expect(await page.locator('.text .highlight').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('stepping up support')]));
    expect(await page.locator('aside .event .reported', { hasText: 'reported by Seoul' }).count()).toBeGreaterThan(0);
    const style = (kind: string): Promise<string> => page.locator(`.text .quote.${kind}`).first().evaluate((el) => getComputedStyle(el).borderBottomStyle);
    expect([await style('direct'), await style('indirect')]).toEqual(['solid', 'dashed']);
    expect(await page.locator('aside .quotes .kind').allInnerTexts()).toEqual(expect.arrayContaining(['direct quote', 'paraphrase']));
    await page.screenshot({ path: join(ARTIFACTS, '15-reader-reported.png'), fullPage: true });
  });

  it('renders markup in a story as text and never runs it', async () => {
    await page.goto(`${base}/#/article/${hostileId}`);
    await page.locator('.text').waitFor();
    expect(await page.locator('.text').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('.text img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: join(ARTIFACTS, '8-hostile.png') });
  });
  it('lists stories from the navigation and shows one: originator, copies on a time line, roles and diffs', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Stories', exact: true }).click();
    await page.getByRole('heading', { name: 'Stories', exact: true }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Stories', exact: true }).getAttribute('aria-current')).toBe('page');
    const top = page.locator('.stories .results li').first();
    await top.waitFor();
    expect(await top.innerText()).toMatch(/Flash floods kill 14 in northeast Bangladesh\s+3 copies · 3 texts · originated by AFP/u);
    await page.screenshot({ path: join(ARTIFACTS, '9-stories.png'), fullPage: true });

    await top.getByRole('link').click();
    await page.locator('.story-facts').waitFor();
    expect(await page.locator('.story-facts').innerText()).toMatch(/Originated by\s+AFP[\s\S]*First copy\s+AFP, 2025-06-12 06:10[\s\S]*3 in 2 outlets/iu);
    const copies = page.locator('ol.copies > li');
    expect(await copies.count()).toBe(3);
    expect(await copies.locator('.role').allInnerTexts()).toEqual(['ORIGINAL', 'COPY', 'VERSION'].map((r) => expect.stringMatching(new RegExp(r, 'iu'))));
    expect(await copies.nth(1).innerText()).toContain('Daily Sun');
    // The cut copy dropped the last three paragraphs: the diff shows them struck out, in text as well as by colour.
    const cut = copies.nth(1).locator('.op.cut');
    expect(await cut.locator('del').allInnerTexts()).toEqual(expect.arrayContaining(FLOOD.slice(4)));
    expect(await cut.last().innerText()).toMatch(/^cut\s/iu);
    expect(await copies.nth(1).innerText()).toContain('Against copy 1 (AFP, 2025-06-12 06:10): 4 paragraphs cut, 1 added, 1 edited, 3 unchanged.');
    const edited = copies.nth(1).locator('.op.edited');
    expect(await edited.locator('del').allInnerTexts()).toEqual(['about']);
    expect(await edited.locator('ins').allInnerTexts()).toEqual(['some']);
    // The version's new lead is an edit or a new paragraph, and its two later paragraphs are added.
    expect(await copies.nth(2).locator('.op.added ins').allInnerTexts()).toEqual(expect.arrayContaining(FLOOD_LATER));

    const marks = page.locator('.story-timeline a.mark');
    expect(await marks.count()).toBe(3);
    expect(await page.locator('.story-timeline .outlet').allTextContents()).toEqual(['AFP', 'Daily Sun']);
    await page.screenshot({ path: join(ARTIFACTS, '10-story.png'), fullPage: true });

    // The time line is keyboard reachable: Enter on the focused copy opens its article, whose reader names its place.
    await marks.nth(1).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy 2, copy: Daily Sun, 2025-06-12 08:45, “Floods leave thousands stranded in Sylhet”');
    await page.keyboard.press('Enter');
    const line = page.locator('.story-line');
    await line.waitFor();
    expect(await line.locator('p').innerText()).toContain('Copy 2 of 3 of a story originated by AFP.');
    await line.locator('.other-copies a').first().waitFor();
    expect(await line.locator('.other-copies a').allInnerTexts()).toEqual(['AFP, 2025-06-12 06:10', 'AFP, 2025-06-13 11:30']);
    expect(await line.locator('.other-copies a').first().getAttribute('href')).toBe(`#/article/${flood.original.id}`);
    await page.screenshot({ path: join(ARTIFACTS, '11-reader-story.png'), fullPage: true });
    await line.getByRole('link', { name: 'All 3 copies and what each changed' }).click();
    await page.locator('ol.copies > li').first().waitFor();
    expect(page.url()).toMatch(/#\/stories\/\d+$/u);
    // Note: a style or script the Content-Security-Policy refused would be logged as an error.
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('shows a quote carried by the three copies once, with its copies, outlets and independent sources', async () => {
    await page.goto(`${base}/#/article/${flood.cut.id}`);
    await page.locator('.text a.entity.PERSON', { hasText: 'Nasima Begum' }).first().click();
    await page.getByRole('heading', { name: /Nasima Begum/u }).waitFor();
    const quote = page.locator('.quotes li', { hasText: 'faster than anyone here has seen' });
    await quote.waitFor();
    expect(await quote.count()).toBe(1);
    expect(await quote.locator('.carried').innerText()).toBe('3 copies, 2 outlets, 1 independent source');
  });

  it('pages the stories list by the cursor, one-copy stories included on request', async () => {
    await page.goto(`${base}/#/stories`);
    await page.getByRole('link', { name: 'Include stories of one copy' }).click();
    await page.getByText(/^\d+ stories, page 1\.$/u).waitFor();
    const titles = (): Promise<string[]> => page.locator('.stories .results > li > a').allInnerTexts();
    const first = await titles();
    expect(first).toHaveLength(25);
    expect(first[0]).toBe('Flash floods kill 14 in northeast Bangladesh');
    await page.getByRole('navigation', { name: 'Pages of stories' }).getByRole('link', { name: 'Next page' }).click();
    await page.getByText(/^\d+ stories, page 2\.$/u).waitFor();
    const second = await titles();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((t) => first.includes(t) && !t.startsWith('('))).toEqual([]);
    expect(await page.locator('.stories .results').getAttribute('start')).toBe('26');
    await page.getByRole('link', { name: 'First page' }).click();
    await page.getByText(/^\d+ stories, page 1\.$/u).waitFor();
    expect(await titles()).toEqual(first);
  });

  it('reads the story page and the reader at 390 px wide without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { story } = (await (await fetch(`${base}/api/articles/${flood.cut.id}`)).json()) as { story: { id: number } };
    const storyUrl = `${base}/#/stories/${story.id}`;
    for (const [url, shot] of [[storyUrl, '12-story-390.png'], [`${base}/#/article/${flood.cut.id}`, '13-reader-390.png']] as const) {
      await page.goto(url);
      await page.locator(url === storyUrl ? '.story-timeline > svg' : '.story-line .other-copies').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, shot), fullPage: true });
    }
    await page.goto(storyUrl);
    await page.locator('.story-timeline > svg').waitFor();
    expect(Number(await page.locator('.story-timeline > svg').getAttribute('width'))).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

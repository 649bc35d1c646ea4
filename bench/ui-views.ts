/**
 * The UI's first content per view with the bench's store behind it: Chromium loads each view afresh and waits
 * for what the view exists to show (the first article of a list, the bars of a chart, the network's canvas),
 * the median of three loads. The views and what each waits for are those of the browser tests
 * (src/server/ui-analyst.e2e.test.ts).
 */

/** How long a view may take to show its first content before it is reported as not shown. */
const TIMEOUT = 30_000;

/** What a view is reached by and waits for. */
interface View {
  readonly name: string;
  readonly route: string;
  readonly ready: string;
}

/** The ids the views are opened on: an actor with events, and an article with events. */
export interface ViewIds {
  readonly actor: number;
  readonly article: string;
}

function viewsOf(ids: ViewIds): View[] {
  return [
    { name: 'home (articles, overview)', route: '#/', ready: '.results li' },
    { name: 'search', route: '#/?q=government', ready: '.results li' },
    { name: 'article reader', route: `#/article/${ids.article}`, ready: 'aside .event' },
    { name: 'entity', route: `#/entity/${ids.actor}`, ready: '.time-chart .bars' },
    { name: 'network', route: `#/network?actor=${ids.actor}`, ready: '[data-testid="network"] canvas' },
    { name: 'timeline', route: `#/timeline?actor=${ids.actor}`, ready: '.time-chart .bars' },
    { name: 'events and quotes', route: '#/facts', ready: '.events li' },
    { name: 'stories', route: '#/stories?all=1', ready: '.stories .results li' },
  ];
}

/**
 * Milliseconds from navigation to each view's first content (median of three), by view name.
 * @param address - the server's base URL
 */
export async function measureViews(address: string, ids: ViewIds): Promise<Record<string, number>> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const out: Record<string, number> = {};
  try {
    for (const view of viewsOf(ids)) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        // Note: a new query string each time makes each load a fresh one, not a change of hash on the same page.
        await page.goto(`${address}/?load=${i}${view.route}`);
        // Note: a view that shows nothing in 30 s is reported as such (Infinity), and the others are still measured.
        const shown = await page.locator(view.ready).first().waitFor({ timeout: TIMEOUT }).then(() => true, () => false);
        times.push(shown ? performance.now() - started : Infinity);
      }
      out[view.name] = times.sort((a, b) => a - b)[1]!;
    }
  } finally {
    await browser.close();
  }
  return out;
}

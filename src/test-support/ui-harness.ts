import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packageRoot } from '../data-dir.js';
import { ingest } from '../ingest/ingest.js';
import { buildApp, UI_DIR } from '../server/app.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore } from '../store/store.js';

/** Debian's Chromium, which the browser tests drive. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where the browser tests write their screenshots. */
export const UI_ARTIFACTS = join(packageRoot(), 'test-artifacts', 'ui');
/** True when Chromium is installed and the UI is built: the browser tests skip otherwise. */
export const uiReady = existsSync(CHROMIUM) && existsSync(join(UI_DIR, 'index.html'));

/** The bundled sample in a store, served on loopback, and a Chromium page to look at it with. */
export interface UiHarness {
  readonly store: ArticleStore;
  readonly app: ReturnType<typeof buildApp>;
  readonly base: string;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Ingests the sample into an in-memory store (and what `prepare` adds), serves it, and opens a page.
 * @param options.width - the page's width (900 px high)
 */
export async function openUiHarness(options: { width?: number; prepare?: (store: ArticleStore) => void } = {}): Promise<UiHarness> {
  mkdirSync(UI_ARTIFACTS, { recursive: true });
  const store = openSqliteStore(':memory:');
  await ingest([join(packageRoot(), 'data', 'sample')], store, { kind: 'auto', date: null, maxBytes: 1e7, batchSize: 200 });
  options.prepare?.(store);
  const app = buildApp({ store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: 900 } });
  return {
    store, app, base, browser, page,
    async close() {
      await browser.close();
      await app.close();
      store.close();
    },
  };
}

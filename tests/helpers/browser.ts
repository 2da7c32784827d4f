/**
 * Real-browser tests: Debian's Chromium (or `CHROME_PATH`) driven by playwright-core, which
 * downloads nothing. Without a browser the tests are reported as skipped with the command that
 * installs one, except under CI (`CI` set), where a missing browser fails the run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { DEFAULT_CHROMIUM, findChromium, INSTALL_HINT, launchChromium } from './chromium';

export { CHROMIUM_ARGS, DEFAULT_CHROMIUM, findChromium, INSTALL_HINT, launchChromium } from './chromium';

/** The browser binary, or undefined when there is none; under CI a missing browser throws. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = findChromium(env);
  if (path === undefined && env['CI']) {
    throw new Error(
      `browser tests cannot run under CI: ${INSTALL_HINT} (looked at ${env['CHROME_PATH'] || DEFAULT_CHROMIUM})`,
    );
  }
  return path;
}

/**
 * A describe block whose tests share one Chromium. `body` gets a getter for the browser, valid in
 * hooks and tests. Without a browser every test of the block is skipped with `INSTALL_HINT`.
 */
export function describeInChromium(name: string, body: (browser: () => Browser) => void): void {
  const path = requireChromium();
  describe(name, () => {
    let browser: Browser | undefined;
    if (path === undefined) {
      beforeEach(({ skip }) => skip(INSTALL_HINT));
    } else {
      beforeAll(async () => {
        browser = await launchChromium(path);
      });
      afterAll(async () => {
        await browser?.close();
      });
    }
    body(() => {
      if (!browser) throw new Error('Chromium is not running (use the browser in hooks and tests only)');
      return browser;
    });
  });
}

/** Whether browser tests can run here; for hooks that need the browser to do anything. */
export const chromiumAvailable = (): boolean => findChromium() !== undefined;

/** Everything a page reported that a reader should never cause. */
export interface PageProblems {
  /** `console.error` messages and failed loads Chromium logs to the console. */
  console: string[];
  /** Uncaught exceptions and unhandled rejections. */
  errors: string[];
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  close(): Promise<void>;
}

/** A fresh page in its own context (no shared cache or storage) that records console errors. */
export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: PageProblems = { console: [], errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  return { page, context, problems, close: () => context.close() };
}

/** One resource a page or one of its workers fetched, from the browser's resource timing. */
export interface FetchedResource {
  /** Path on the server, e.g. `/pagefind/pagefind.js`. */
  path: string;
  /** Bytes on the wire: headers plus encoded body (0 when served from cache). */
  transferSize: number;
}

/**
 * Resource timing of the page and of its workers (Pagefind fetches its index from a web worker,
 * which the page's own timeline does not see).
 */
export async function fetchedResources(page: Page): Promise<FetchedResource[]> {
  const read = () =>
    performance
      .getEntriesByType('resource')
      .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming)
      .map((e) => ({ path: new URL(e.name).pathname, transferSize: e.transferSize }));
  const own = await page.evaluate(read);
  const workers = await Promise.all(page.workers().map((worker) => worker.evaluate(read)));
  return [...own, ...workers.flat()];
}

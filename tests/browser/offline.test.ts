/**
 * Offline reading in Chromium, on the real content built under a sub-path: no service worker
 * without the reader's choice; keeping a digest with its size shown first and its progress; with
 * the server stopped (the worker's own fetches fail as they would offline, which
 * `context.setOffline` does not simulate for a worker), kept pages read with the offline note and
 * search works, a page not kept shows the offline page; a rebuilt site replaces the copy whole;
 * one click removes worker and copy. Every URL cached and the worker's scope stay under the base.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { isOfflineManifest, type OfflineManifest } from '../../src/lib/offline-manifest';
import { headersFor, parseHeadersFile } from '../../src/lib/csp';
import { buildSiteOrThrow, contentWith, outputRoot, realContent } from '../helpers/build';
import { describeInChromium } from '../helpers/browser';
import { readContent } from '../helpers/content';
import { DEPLOY_ENV } from '../helpers/deploy';
import { Dist } from '../helpers/dist';
import { serveDist, type StaticServer } from '../helpers/serve';

const BASE = DEPLOY_ENV.BASE_PATH;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Two builds of one site, a month apart, the second with one theme's summary changed. */
const FIRST = { name: 'offline-first', day: '2027-01-04', shown: '4 January 2027' };
const REBUILT = { name: 'offline-rebuilt', day: '2027-02-01', shown: '1 February 2027' };
const CHANGE = 'Revised for the rebuilt site.';

const content = readContent(realContent);
const conference = content.conferences[0]!.stem;
const theme = content.themes.find((t) => t.conference === conference)!;
const themeTitle = String(theme.data['title']);
const searchWord = String(content.papers[0]!.data['title']).split(/\s+/)[0]!;

const epoch = (day: string) => String(Date.parse(`${day}T12:00:00Z`) / 1000);
const dist = (name: string) => join(outputRoot, name, 'dist');
const manifestOf = (name: string): OfflineManifest => {
  const parsed: unknown = JSON.parse(readFileSync(join(dist(name), conference, 'offline.json'), 'utf8'));
  if (!isOfflineManifest(parsed)) throw new Error(`${name}: no offline manifest for ${conference}`);
  return parsed;
};

/**
 * The site on one fixed port that can stop (connections refused, as for a reader offline) and
 * start again serving another build: a service worker belongs to its origin, port included. It
 * forwards to a static server of the build, with the build's `_headers` applied.
 */
class SwitchableSite {
  private front: Server | undefined;
  private back: StaticServer | undefined;
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}${BASE}`;
  }
  at(path: string) {
    return `${this.url}${path.replace(/^\/+/, '')}`;
  }

  async start(name: string) {
    const rules = parseHeadersFile(readFileSync(join(dist(name), '_headers'), 'utf8'));
    const back = await serveDist(dist(name), { base: BASE, headers: (pathname) => headersFor(rules, pathname) });
    this.back = back;
    const front = createServer((req, res) => {
      const forward = request(
        `${back.origin}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(this.port, '127.0.0.1', resolve);
    });
    const address = front.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    this.port = address.port;
    this.front = front;
  }

  async stop() {
    const front = this.front;
    this.front = undefined;
    if (front) {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    }
    await this.back?.close();
    this.back = undefined;
  }
}

const site = new SwitchableSite();

beforeAll(() => {
  // Vitest copies `import.meta.env` (BASE_URL "/", DEV, ...) into a test file's environment, which
  // a build started from here would inherit: its pages would ignore BASE_PATH and build as in dev.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) vi.stubEnv(key, undefined);
  const env = (day: string) => ({ ...DEPLOY_ENV, SOURCE_DATE_EPOCH: epoch(day) });
  buildSiteOrThrow(FIRST.name, realContent, env(FIRST.day));
  const changed = contentWith(REBUILT.name);
  const file = join(changed, 'themes', theme.conference, `${theme.stem}.mdx`);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^summary: (.*)$/m, `summary: $1 ${CHANGE}`);
  if (edited === text) throw new Error(`${file}: no plain summary line to change`);
  writeFileSync(file, edited);
  buildSiteOrThrow(REBUILT.name, changed, env(REBUILT.day));
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await site.stop();
});

/** The site's caches and what they hold, read in the page. */
const cachesIn = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
const registrations = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
const banner = (page: Page) => page.locator('aside.offline-copy');

describeInChromium('offline reading', (browser) => {
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await site.start(FIRST.name);
    context = await browser().newContext();
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // Chromium logs each failed load while the server is stopped: that is the point of the test.
      if (message.type() === 'error' && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(message.text())) {
        problems.push(message.text());
      }
    });
    await page.addInitScript(() => {
      addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('registers no service worker and stores nothing for a reader who does not opt in', async () => {
    const visitor = await browser().newContext();
    try {
      const p = await visitor.newPage();
      await p.goto(site.at(`${conference}/`));
      const link = p.locator(`a[href="${BASE}${conference}/offline/"]`);
      await expect.poll(() => link.textContent()).toBe('Keep this digest for offline reading');
      for (const path of [`${conference}/${theme.stem}/`, 'search/', `${conference}/offline/`]) {
        await p.goto(site.at(path));
        await p.waitForLoadState('networkidle');
      }
      await expect.poll(() => p.locator('[data-size]').textContent()).toMatch(/takes [\d.]+ MB in \d+ files/);
      // Both offline pages, light and dark, before anything is kept.
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        for (const path of [`${conference}/offline/`, 'offline/']) {
          await p.goto(site.at(path));
          const { violations } = await new AxeBuilder({ page: p }).withTags(AXE_TAGS).analyze();
          expect(violations.map((v) => `${scheme} ${path} ${v.id}`)).toEqual([]);
        }
      }
      expect(await registrations(p)).toEqual([]);
      expect(await cachesIn(p)).toEqual({});
    } finally {
      await visitor.close();
    }
  });

  it('shows the size first, keeps the digest with its progress, inside the base', async () => {
    const manifest = manifestOf(FIRST.name);
    await page.goto(site.at(`${conference}/offline/`));
    await expect.poll(() => page.locator('[data-size]').textContent()).toContain(`${manifest.urls.length} files`);
    expect(await page.locator('[data-keep]').isEnabled()).toBe(true);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    // The highest value the progress bar showed, noted on the bar itself.
    await page.evaluate(() => {
      const bar = document.querySelector('progress');
      if (!bar) throw new Error('no progress bar');
      new MutationObserver(() => {
        bar.dataset['seen'] = String(Math.max(Number(bar.dataset['seen'] ?? 0), bar.value));
      }).observe(bar, { attributeFilter: ['value'] });
    });
    await page.locator('[data-keep]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('offline-keeper[data-state="kept"]', { timeout: 60_000 });
    expect(Number(await page.locator('progress').getAttribute('data-seen'))).toBe(manifest.urls.length);
    await expect.poll(() => page.locator('[data-state-text]').textContent()).toContain(`the build of ${FIRST.shown}`);
    expect(await page.locator('[data-remove]').isVisible()).toBe(true);

    expect(await registrations(page)).toEqual([site.url]);
    const cached = await cachesIn(page);
    const copies = Object.entries(cached).filter(([name]) => name.endsWith(manifest.buildId));
    expect(copies).toHaveLength(1);
    const held = copies[0]![1];
    expect(new Set(held)).toEqual(new Set([...manifest.urls, `${BASE}${conference}/offline.json`]));
    for (const path of Object.values(cached).flat()) expect(path.startsWith(BASE), path).toBe(true);
    for (const url of manifest.urls) expect(url.startsWith(BASE), url).toBe(true);
  });

  it('reads kept pages and searches with the server stopped, and says so; a page not kept shows the offline page', async () => {
    await site.stop();
    await page.goto(site.at(`${conference}/${theme.stem}/`));
    expect(await page.locator('h1').textContent()).toBe(themeTitle);
    expect(await banner(page).textContent()).toBe(
      `You are reading the offline copy of this digest, built on ${FIRST.shown}.`,
    );
    // The note is styled by the site's stylesheet, not left as bare text.
    expect(await banner(page).evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');

    await page.goto(site.at(`search/?q=${encodeURIComponent(searchWord)}`));
    await page.waitForSelector('[data-results][aria-busy="false"]', { state: 'attached', timeout: 20_000 });
    expect(await page.locator('[data-results] a[data-result]').count()).toBeGreaterThan(0);
    await page.locator('[data-results] a[data-result]').first().click();
    await page.waitForLoadState('load');
    expect(await banner(page).count()).toBe(1);

    const kept = new Set(manifestOf(FIRST.name).urls);
    const notKept =
      new Dist(dist(FIRST.name))
        .pages()
        .map((p) => `${BASE}${p.slice(1)}`)
        .find((p) => !kept.has(p) && !p.endsWith('.html')) ?? `${BASE}papers/not-a-paper/`;
    const response = await page.goto(`http://127.0.0.1:${site.port}${notKept}`);
    expect(response?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe('This page is not in your offline copy');
    expect(await page.locator(`main a[href="${BASE}${conference}/"]`).count()).toBe(1);
  });

  it('replaces the copy whole when the site is rebuilt', async () => {
    const first = manifestOf(FIRST.name);
    const rebuilt = manifestOf(REBUILT.name);
    expect(rebuilt.buildId).not.toBe(first.buildId);
    expect(readFileSync(join(dist(REBUILT.name), 'sw.js'))).not.toEqual(readFileSync(join(dist(FIRST.name), 'sw.js')));

    await site.start(REBUILT.name);
    await page.goto(site.at(`${conference}/`));
    // The navigation makes the browser check the worker's script; the new one downloads the copy.
    await expect
      .poll(async () => Object.keys(await cachesIn(page)).filter((n) => !n.endsWith(' kept')), { timeout: 60_000 })
      .toEqual([expect.stringMatching(new RegExp(`${rebuilt.buildId}$`))]);
    const held = Object.entries(await cachesIn(page)).find(([name]) => name.endsWith(rebuilt.buildId))![1];
    expect(new Set(held)).toEqual(new Set([...rebuilt.urls, `${BASE}${conference}/offline.json`]));
    expect(await page.locator('main').textContent()).toContain(CHANGE);
    expect(await banner(page).count()).toBe(0);

    await site.stop();
    await page.goto(site.at(`${conference}/`));
    expect(await banner(page).textContent()).toContain(`built on ${REBUILT.shown}`);
    expect(await page.locator('main').textContent()).toContain(CHANGE);
    await page.goto(site.at(`${conference}/offline/`));
    await expect.poll(() => page.locator('[data-state-text]').textContent()).toContain(`the build of ${REBUILT.shown}`);
  });

  it('removes the worker and the copy in one click', async () => {
    await site.start(REBUILT.name);
    await page.goto(site.at(`${conference}/offline/`));
    await page.waitForSelector('offline-keeper[data-state="kept"]');
    await page.locator('[data-remove]').click();
    await page.waitForSelector('offline-keeper[data-state="removed"]');
    expect(await registrations(page)).toEqual([]);
    expect(await cachesIn(page)).toEqual({});
    expect(await page.locator('[data-keep]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});

/**
 * The search page in Chromium against the real build served over HTTP: queries, facets, the URL
 * as state, browsing by filter alone, the keyboard path, accessibility and what reading pages load.
 * Expectations come from `content/`.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { join } from 'node:path';
import { outputRoot, realContent, SITES } from '../helpers/build';
import { describeInChromium, fetchedResources, openPage, type WatchedPage } from '../helpers/browser';
import { citedKeys, readContent } from '../helpers/content';
import { DEPLOY_ENV, DEPLOY_SITES } from '../helpers/deploy';
import { serveDist, type StaticServer } from '../helpers/serve';

const content = readContent(realContent);
const str = (v: unknown) => String(v);
const themeId = (t: (typeof content.themes)[number]) => `${t.conference}/${t.stem}`;
const paperPath = (id: string) => `/papers/${id}/`;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The theme citing the most papers, and a title word shared by papers of several themes. */
const theme = [...content.themes].sort((a, b) => citedKeys(b.body).length - citedKeys(a.body).length)[0]!;
const themeLabel = str(theme.data['title']);
const sharedWord = (() => {
  const themesOf = new Map<string, Set<string>>();
  for (const t of content.themes) {
    for (const key of citedKeys(t.body)) {
      const paper = content.papers.find((p) => p.stem === key);
      for (const word of str(paper?.data['title'])
        .toLowerCase()
        .match(/[a-z]{6,}/g) ?? []) {
        themesOf.set(word, (themesOf.get(word) ?? new Set()).add(themeId(t)));
      }
    }
  }
  const [word] = [...themesOf]
    .filter(([, themes]) => themes.has(themeId(theme)))
    .sort((a, b) => b[1].size - a[1].size)
    .map(([w]) => w);
  if (!word) throw new Error('no title word found for the facet test');
  return word;
})();

let server: StaticServer;
let subServer: StaticServer;

beforeAll(async () => {
  server = await serveDist(SITES.real.dist);
  subServer = await serveDist(DEPLOY_SITES.a.dist, { base: DEPLOY_ENV.BASE_PATH });
});
afterAll(async () => {
  await server?.close();
  await subServer?.close();
});

/** Waits until the results answer the current state. */
const settled = (page: Page) =>
  page.waitForSelector('[data-results][aria-busy="false"]', { state: 'attached', timeout: 10_000 });
const resultLinks = (page: Page) => page.locator('[data-results] a[data-result]');
const resultPaths = async (page: Page) =>
  (
    await resultLinks(page).evaluateAll((links) =>
      links.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname),
    )
  ).sort();
/** The href of the focused link, evaluated in the page. */
const focusedHref = (page: Page) =>
  page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.href : null));
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
const status = (page: Page) => page.locator('[role="status"][data-status]');
const facetBox = (page: Page, facet: string, value: string) =>
  page.locator(`fieldset[data-facet="${facet}"] input[value="${value}"]`);

async function showAll(page: Page) {
  while (await page.locator('[data-more]').isVisible()) {
    await page.locator('[data-more]').click();
    await settled(page);
  }
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describeInChromium('search in Chromium', (browser) => {
  let w: WatchedPage;
  beforeEach(async () => {
    w = await openPage(browser());
  });
  afterEach(async () => {
    expect(w.problems).toEqual({ console: [], errors: [] });
    await w.close();
  });

  it('finds a paper by its title', async () => {
    const paper = content.papers[0]!;
    await w.page.goto(server.at('search/'));
    await settled(w.page);
    await w.page.locator('#search-query').fill(str(paper.data['title']));
    await settled(w.page);
    const top = (await resultPaths(w.page)).length;
    expect(top).toBeGreaterThan(0);
    const firstThree = await resultLinks(w.page).evaluateAll((links) =>
      links.slice(0, 3).map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname),
    );
    expect(firstThree).toContain(paperPath(paper.stem));
    await expect.poll(() => status(w.page).textContent()).toMatch(/^\d+ results? for “/);
    expect(new URL(w.page.url()).searchParams.get('q')).toBe(str(paper.data['title']));
  });

  it('narrows the results with a theme facet, updates the URL and restores it in a new page', async () => {
    await w.page.goto(server.at(`search/?q=${sharedWord}`));
    await settled(w.page);
    await showAll(w.page);
    const before = await resultPaths(w.page);
    await facetBox(w.page, 'theme', themeId(theme)).check();
    await settled(w.page);
    await showAll(w.page);
    const after = await resultPaths(w.page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    expect(after.every((p) => before.includes(p))).toBe(true);
    for (const themes of await w.page.locator('[data-results] .themes').allTextContents())
      expect(themes).toContain(themeLabel);
    const url = new URL(w.page.url());
    expect(url.searchParams.get('q')).toBe(sharedWord);
    expect(url.searchParams.getAll('theme')).toEqual([themeId(theme)]);
    // The theme's own count is disjunctive: it equals the results while it is the only filter.
    const count = await w.page
      .locator(`fieldset[data-facet="theme"] li:has(input[value="${themeId(theme)}"]) .count`)
      .textContent();
    expect(Number(count)).toBe(after.length);

    const second = await openPage(browser());
    try {
      await second.page.goto(url.href);
      await settled(second.page);
      await showAll(second.page);
      expect(await second.page.locator('#search-query').inputValue()).toBe(sharedWord);
      expect(await facetBox(second.page, 'theme', themeId(theme)).isChecked()).toBe(true);
      expect(await resultPaths(second.page)).toEqual(after);
      expect(second.problems).toEqual({ console: [], errors: [] });
    } finally {
      await second.close();
    }

    await w.page.goBack();
    await settled(w.page);
    expect(new URL(w.page.url()).searchParams.getAll('theme')).toEqual([]);
    expect(await facetBox(w.page, 'theme', themeId(theme)).isChecked()).toBe(false);
    await w.page.goForward();
    await settled(w.page);
    expect(await facetBox(w.page, 'theme', themeId(theme)).isChecked()).toBe(true);
  });

  it('lists a theme’s papers by filters alone, from one click', async () => {
    await w.page.goto(server.at('search/'));
    await settled(w.page);
    await w.page.locator('[data-browse] a', { hasText: themeLabel }).first().click();
    await settled(w.page);
    expect(new URL(w.page.url()).searchParams.getAll('theme')).toEqual([themeId(theme)]);
    await facetBox(w.page, 'type', 'paper').check();
    await settled(w.page);
    await showAll(w.page);
    expect(await resultPaths(w.page)).toEqual(citedKeys(theme.body).map(paperPath).sort());
    await expect.poll(() => status(w.page).textContent()).toMatch(/^\d+ results?, 2 filters applied\.$/);
  });

  it('combines values of one facet with OR and facets with AND', async () => {
    const other = content.themes.find((t) => t !== theme)!;
    await w.page.goto(server.at(`search/?theme=${themeId(theme)}&theme=${themeId(other)}&type=paper`));
    await settled(w.page);
    await showAll(w.page);
    const union = new Set([...citedKeys(theme.body), ...citedKeys(other.body)].map(paperPath));
    expect(await resultPaths(w.page)).toEqual([...union].sort());
  });

  it('works from the keyboard alone', async () => {
    const paper = content.papers.find((p) => citedKeys(theme.body).includes(p.stem))!;
    await w.page.goto(server.at(paperPath(content.papers[1]!.stem)));
    await w.page.keyboard.press('/');
    await w.page.waitForURL(/\/search\/$/);
    await settled(w.page);
    expect(await focusedId(w.page)).toBe('search-query');

    await w.page.keyboard.type(sharedWord);
    await settled(w.page);
    await w.page.keyboard.press('ArrowDown');
    const first = await focusedHref(w.page);
    expect(first).toBe(
      await resultLinks(w.page)
        .first()
        .evaluate((a) => new URL(a.getAttribute('href') ?? '', location.href).href),
    );
    if ((await resultLinks(w.page).count()) > 1) {
      await w.page.keyboard.press('ArrowDown');
      await w.page.keyboard.press('ArrowUp');
      expect(await focusedHref(w.page)).toBe(first);
    }
    await w.page.keyboard.press('ArrowUp');
    expect(await focusedId(w.page)).toBe('search-query');

    await w.page.keyboard.press('Escape');
    await settled(w.page);
    expect(await w.page.locator('#search-query').inputValue()).toBe('');
    expect(new URL(w.page.url()).search).toBe('');

    // Tab reaches the facets; Space toggles one; the arrows move between values.
    await w.page.locator('fieldset[data-facet="type"] input').first().focus();
    await w.page.keyboard.press('Space');
    await settled(w.page);
    expect(new URL(w.page.url()).searchParams.getAll('type')).toHaveLength(1);
    const focusedValue = () =>
      w.page.evaluate(() => (document.activeElement instanceof HTMLInputElement ? document.activeElement.value : null));
    const checkedValue = await focusedValue();
    await w.page.keyboard.press('ArrowDown');
    expect(await focusedValue()).not.toBe(checkedValue);
    expect(await focusedValue()).not.toBeNull();

    await w.page.locator('#search-query').focus();
    await w.page.keyboard.type(str(paper.data['title']));
    await w.page.keyboard.press('Enter');
    await settled(w.page);
    await w.page.keyboard.press('ArrowDown');
    const target = (await focusedHref(w.page)) ?? '';
    const title = await w.page.evaluate(() => document.activeElement?.textContent);
    await w.page.keyboard.press('Enter');
    await w.page.waitForURL(target);
    expect(await w.page.locator('h1').textContent()).toBe(title);
  });

  it('says so when nothing matches and offers a way back', async () => {
    // Pagefind may answer a nonsense word with a one-letter word it starts with ("Q." for "qzx…").
    await w.page.goto(server.at('search/?q=zzqxjvwk'));
    await settled(w.page);
    await expect.poll(() => status(w.page).textContent()).toBe('No results for “zzqxjvwk”.');
    expect(await w.page.locator('[data-empty]').isVisible()).toBe(true);
    await expectNoAxeViolations(w.page);
    await w.page.locator('[data-reset]').click();
    await settled(w.page);
    expect(new URL(w.page.url()).search).toBe('');
    expect(await w.page.locator('#search-query').inputValue()).toBe('');
    expect(await focusedId(w.page)).toBe('search-query');
  });

  it('has no axe violations, empty and with results and filters', async () => {
    await w.page.goto(server.at('search/'));
    await settled(w.page);
    await expectNoAxeViolations(w.page);
    await w.page.goto(server.at(`search/?q=${sharedWord}&theme=${themeId(theme)}`));
    await settled(w.page);
    await expectNoAxeViolations(w.page);
  });

  it('loads nothing of search on a reading page until the reader opens search', async () => {
    const requests: string[] = [];
    w.page.on('request', (r: Request) => void requests.push(new URL(r.url()).pathname));
    await w.page.goto(server.at(paperPath(content.papers[0]!.stem)), { waitUntil: 'networkidle' });
    expect(requests.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await w.page.locator('header a[data-search-link]').click();
    await w.page.waitForURL(/\/search\/$/);
    await settled(w.page);
    expect(requests).toContain('/pagefind/pagefind.js');
  });

  it('fetches each search file once; a later query fetches only index chunks and fragments', async () => {
    const otherWord = str(theme.data['title']).match(/[A-Za-z]{5,}/)?.[0] ?? 'network';
    const bundleBytes = (list: { path: string; transferSize: number }[]) =>
      list.filter((r) => r.path.includes('/pagefind/')).reduce((sum, r) => sum + r.transferSize, 0);
    await w.page.goto(server.at('search/'));
    await settled(w.page);
    const opened = await fetchedResources(w.page);
    await w.page.locator('#search-query').fill(sharedWord);
    await settled(w.page);
    const first = await fetchedResources(w.page);
    await w.page.locator('#search-query').fill(otherWord);
    await settled(w.page);
    const second = await fetchedResources(w.page);
    const paths = second.map((r) => r.path).filter((p) => p.includes('/pagefind/'));
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    const atOpen = new Set(opened.map((r) => r.path));
    const later = paths.filter((p) => !atOpen.has(p));
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((p) => !/^\/pagefind\/(index|fragment)\//.test(p))).toEqual([]);
    expect(bundleBytes(first)).toBeGreaterThan(bundleBytes(opened));
    expect(bundleBytes(second) - bundleBytes(first)).toBeLessThan(bundleBytes(first));
    console.info(
      `search bytes (resource timing, page and worker): opening the page ${bundleBytes(opened)} B, ` +
        `first query "${sharedWord}" ${bundleBytes(first) - bundleBytes(opened)} B, ` +
        `second query "${otherWord}" ${bundleBytes(second) - bundleBytes(first)} B`,
    );
  });

  it('works under a sub-path deploy', async () => {
    const base = DEPLOY_ENV.BASE_PATH;
    const paper = content.papers[0]!;
    const requests: string[] = [];
    w.page.on('request', (r: Request) => void requests.push(new URL(r.url()).pathname));
    await w.page.goto(subServer.at(`search/?q=${encodeURIComponent(str(paper.data['title']))}`));
    await settled(w.page);
    const paths = await resultPaths(w.page);
    expect(paths).toContain(`${base.slice(0, -1)}${paperPath(paper.stem)}`);
    expect(paths.every((p) => p.startsWith(base))).toBe(true);
    const bundle = requests.filter((p) => p.includes('pagefind'));
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.every((p) => p.startsWith(`${base}pagefind/`))).toBe(true);
    await resultLinks(w.page).first().click();
    await w.page.waitForLoadState();
    expect(new URL(w.page.url()).pathname.startsWith(base)).toBe(true);
    expect(await w.page.locator('h1').count()).toBe(1);
  });

  it('puts the results first on a phone, with the filters behind a control that counts them', async () => {
    const phone = await openPage(browser());
    try {
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await phone.page.goto(server.at(`search/?q=${sharedWord}&type=paper&theme=${themeId(theme)}`));
      await settled(phone.page);
      const panel = phone.page.locator('details[data-filter-panel]');
      expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await phone.page.locator('[data-active-filters]').textContent()).toBe('2 active');
      const firstResult = await resultLinks(phone.page).first().boundingBox();
      expect(firstResult).not.toBeNull();
      // The first result is on the first screen, below nothing but the query and the filters control.
      expect(firstResult!.y + firstResult!.height).toBeLessThan(844);
      await phone.page.locator('details[data-filter-panel] > summary').click();
      expect(await facetBox(phone.page, 'type', 'paper').isVisible()).toBe(true);
      expect(await facetBox(phone.page, 'type', 'paper').isChecked()).toBe(true);
      const axe = await new AxeBuilder({ page: phone.page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await phone.page.screenshot({ path: join(outputRoot, 'search-390.png'), fullPage: false });
    } finally {
      await phone.close();
    }
  });

  it('shows the filters beside the results on a wide screen', async () => {
    await w.page.goto(server.at(`search/?q=${sharedWord}`));
    await settled(w.page);
    expect(await w.page.locator('details[data-filter-panel]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    expect(await w.page.locator('[data-active-filters]').textContent()).toBe('');
  });
});

/**
 * Every page of the hostile-text build (tests/fixtures/hostile/) in Chromium: no dialog opens, no
 * element from content runs a handler, and search shows the hostile titles as text.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { fixture, SITES } from '../helpers/build';
import { describeInChromium, openPage, type WatchedPage } from '../helpers/browser';
import { readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';
import { serveDist, type StaticServer } from '../helpers/serve';

const dist = new Dist(SITES.hostile.dist);
const content = readContent(fixture('hostile'));

let server: StaticServer;
beforeAll(async () => {
  server = await serveDist(SITES.hostile.dist);
});
afterAll(async () => {
  await server?.close();
});

/** Dialogs (alert, confirm, prompt) a page opened, dismissed as they come. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Hovers, focuses and clicks nothing in particular: what a reader does with the text on a page. */
async function touchEverything(page: Page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('main *')) {
      for (const type of ['mouseover', 'focus', 'load', 'error']) el.dispatchEvent(new Event(type));
    }
  });
}

describeInChromium('hostile text in Chromium', (browser) => {
  let w: WatchedPage;
  let dialogs: string[];
  beforeEach(async () => {
    w = await openPage(browser());
    dialogs = recordDialogs(w.page);
  });
  afterEach(async () => {
    await w.close();
  });

  it('opens no dialog and runs no content script on any page', async () => {
    const pages = dist.pages().filter((p) => p.endsWith('/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages) {
      await w.page.goto(server.at(path), { waitUntil: 'load' });
      await touchEverything(w.page);
      const handlers = await w.page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
            .length,
      );
      expect(handlers, path).toBe(0);
    }
    expect(dialogs).toEqual([]);
    expect(w.problems.errors).toEqual([]);
  });

  it('shows hostile titles as text in search results, with no dialog', async () => {
    const titles = content.papers.map((p) => String(p.data['title']));
    await w.page.goto(server.at('search/?q=alert'), { waitUntil: 'load' });
    await w.page.waitForSelector('[data-results][aria-busy="false"]', { state: 'attached', timeout: 10_000 });
    const shown = await w.page.locator('[data-results] a[data-result]').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((t) => t.trim())).toEqual(expect.arrayContaining([titles.find((t) => t.includes('alert'))]));
    await touchEverything(w.page);
    expect(dialogs).toEqual([]);
    expect(w.problems.errors).toEqual([]);
  });
});

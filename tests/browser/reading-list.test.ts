/**
 * The reading list in Chromium: saving from a paper's page, a theme's references, the paper index
 * and search results; the header's count and other tabs following; the reading-list page with its
 * exports (each parsed), a share link opened in a fresh browser, an unknown id, a stored list that
 * cannot be read, and the search page's export of all its results. axe checks the new controls.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { parse } from '@retorquere/bibtex-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storageKey } from '../../src/lib/reading-list';
import { realContent, SITES } from '../helpers/build';
import { describeInChromium } from '../helpers/browser';
import { citedKeys, readContent } from '../helpers/content';
import { serveDist, type StaticServer } from '../helpers/serve';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const KEY = storageKey('/');
const content = readContent(realContent);

const theme = content.themes.find((t) => citedKeys(t.body).length >= 2);
if (!theme) throw new Error('the real content has no theme citing two papers');
const themePath = `/${theme.conference}/${theme.stem}/`;
const themeKeys = [...new Set(citedKeys(theme.body))];
const [inTheme = ''] = themeKeys;
const others = content.papers.map((p) => p.stem).filter((id) => !themeKeys.includes(id));
const [onPage = '', inIndex = ''] = others;
const titleOf = (id: string) => String(content.papers.find((p) => p.stem === id)?.data['title']);

let server: StaticServer;
beforeAll(async () => {
  server = await serveDist(SITES.real.dist);
});
afterAll(async () => {
  await server?.close();
});

/** A page that fails the test on any script error it reports. */
async function watched(context: BrowserContext) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

const saveButton = (page: Page, id: string) => page.locator(`button[data-save="${id}"]`).first();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const count = (page: Page) => page.locator('[data-saved-count]').textContent();
const store = (page: Page, value: string) =>
  page.evaluate(([key, v]) => localStorage.setItem(key!, v!), [KEY, value] as const);

describeInChromium('the reading list in Chromium', (browser) => {
  it('saves from a paper page, a theme’s references and the paper index, and counts in the header', async () => {
    const context = await browser().newContext();
    const { page, errors } = await watched(context);
    try {
      await page.goto(server.at(`papers/${onPage}/`));
      expect(await count(page)).toBe(' (0)');
      await saveButton(page, onPage).click();
      expect(await saveButton(page, onPage).getAttribute('aria-pressed')).toBe('true');
      expect(await count(page)).toBe(' (1)');

      await page.goto(server.at(themePath.slice(1)));
      const inReferences = page.locator(`ol.references button[data-save="${inTheme}"]`);
      await inReferences.click();
      expect(await inReferences.getAttribute('aria-pressed')).toBe('true');

      await page.goto(server.at('papers/'));
      // Saved elsewhere, shown as saved here.
      expect(await saveButton(page, onPage).getAttribute('aria-pressed')).toBe('true');
      // The keyboard works the control too.
      await saveButton(page, inIndex).focus();
      await page.keyboard.press('Space');
      expect(await saveButton(page, inIndex).getAttribute('aria-pressed')).toBe('true');
      expect(await count(page)).toBe(' (3)');
      expect(JSON.parse((await stored(page))!)).toEqual([onPage, inTheme, inIndex]);

      // A second tab removes a paper: the first follows without a reload.
      const other = await context.newPage();
      await other.goto(server.at(`papers/${onPage}/`));
      await saveButton(other, onPage).click();
      await expect.poll(() => saveButton(page, onPage).getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => count(page)).toBe(' (2)');

      // Each control is named by what it does and says which paper it is for.
      const button = saveButton(page, inIndex);
      expect(await button.evaluate((b) => b.getAttribute('aria-describedby'))).toBeTruthy();
      const described = await button.evaluate(
        (b) => document.getElementById(b.getAttribute('aria-describedby')!)?.textContent?.trim() ?? '',
      );
      expect(described).toBe(titleOf(inIndex));
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the saved papers with their details, and exports them four ways', async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const { page, errors } = await watched(context);
    try {
      await page.goto(server.at('reading-list/'));
      await expect.poll(() => page.locator('[data-when-empty]').isVisible()).toBe(true);
      const ids = [inTheme, onPage, inIndex];
      await store(page, JSON.stringify(ids));
      await page.reload();
      const items = page.locator('[data-papers="mine"] > li');
      await expect.poll(() => items.count()).toBe(ids.length);
      expect(await items.locator('.title a').allTextContents()).toEqual(ids.map(titleOf));
      const first = content.papers.find((p) => p.stem === inTheme)!;
      expect(await items.first().textContent()).toContain((first.data['authors'] as string[])[0]);
      expect(await items.first().textContent()).toContain(String(first.data['venue']));
      expect(await items.first().locator(`a[href^="${themePath}#"]`).count()).toBe(1);

      const bib = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download BibTeX' }).click();
      const bibFile = await bib;
      expect(bibFile.suggestedFilename()).toBe('reading-list.bib');
      const library = parse(readFileSync((await bibFile.path())!, 'utf8'));
      expect(library.errors).toEqual([]);
      expect(library.entries.map((e) => e.key)).toEqual(ids);
      expect(library.entries.map((e) => e.fields.title?.normalize('NFC'))).toEqual(ids.map(titleOf));

      const csl = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSL-JSON' }).click();
      const items_ = JSON.parse(readFileSync((await (await csl).path())!, 'utf8')) as { id: string; title: string }[];
      expect(items_.map((i) => i.id)).toEqual(ids);
      expect(items_.map((i) => i.title)).toEqual(ids.map(titleOf));

      await page.getByRole('button', { name: 'Copy BibTeX' }).click();
      await expect.poll(() => page.locator('[data-status]').textContent()).toContain('copied');
      const copied = parse(await page.evaluate(() => navigator.clipboard.readText()));
      expect(copied.errors).toEqual([]);
      expect(copied.entries.map((e) => e.key)).toEqual(ids);

      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect.poll(() => page.locator('[data-status]').textContent()).toContain('Markdown');
      const markdown = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
      expect(markdown).toHaveLength(ids.length);
      expect(markdown[0]).toContain(`](${server.origin}/papers/${inTheme}/)`);

      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // Remove one, then clear the rest.
      await items.first().getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => items.count()).toBe(ids.length - 1);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Clear the list' }).click();
      await expect.poll(() => items.count()).toBe(0);
      expect(await stored(page)).toBe('[]');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('makes a share link that a fresh browser opens, shows an unknown id as such, and saves all', async () => {
    const mine = await browser().newContext();
    const { page } = await watched(mine);
    let link: string;
    try {
      await page.goto(server.at('reading-list/'));
      await store(page, JSON.stringify([inTheme, inIndex, 'no-such-paper']));
      await page.reload();
      await expect.poll(() => page.locator('[data-papers="mine"] > li').count()).toBe(3);
      // An id the digest does not have is listed, never dropped.
      expect(await page.locator('[data-papers="mine"] > li.unknown').textContent()).toContain('no-such-paper');
      expect(await page.locator('[data-mine-summary]').textContent()).toContain('1 is no longer in this digest');
      await page.getByRole('button', { name: 'Make a share link' }).click();
      link = await page.locator('[data-share-url]').inputValue();
      expect(new URL(link).searchParams.get('papers')).toBe(`${inTheme},${inIndex},no-such-paper`);
    } finally {
      await mine.close();
    }

    const fresh = await browser().newContext();
    const { page: theirs, errors } = await watched(fresh);
    try {
      await theirs.goto(link);
      const shared = theirs.locator('[data-papers="shared"] > li');
      await expect.poll(() => shared.count()).toBe(3);
      expect(await shared.locator('.title a[href]').allTextContents()).toEqual([titleOf(inTheme), titleOf(inIndex)]);
      expect(await theirs.locator('[data-papers="shared"] > li.unknown').count()).toBe(1);
      await theirs.getByRole('button', { name: 'Save all to my list' }).click();
      await expect.poll(() => stored(theirs)).toBe(JSON.stringify([inTheme, inIndex]));
      expect(await theirs.locator('[data-saved-count]').textContent()).toBe(' (2)');
      const axe = await new AxeBuilder({ page: theirs }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('says when the stored list cannot be read, changes nothing, and offers a reset', async () => {
    const context = await browser().newContext();
    const { page, errors } = await watched(context);
    try {
      await page.goto(server.at(`papers/${onPage}/`));
      await store(page, '{"this is": "not a list"');
      await page.reload();
      // The controls stay hidden rather than overwrite what is stored.
      expect(await saveButton(page, onPage).isHidden()).toBe(true);
      expect(await count(page)).toBe(' (unreadable)');

      await page.goto(server.at('reading-list/'));
      const view = page.locator('[data-view="unreadable"]');
      await expect.poll(() => view.isVisible()).toBe(true);
      expect(await view.locator('[data-reason]').textContent()).toBe('it is not valid JSON');
      expect(await view.locator('[data-raw]').textContent()).toBe('{"this is": "not a list"');
      expect(await stored(page)).toBe('{"this is": "not a list"');
      await page.getByRole('button', { name: 'Reset the list' }).click();
      await expect.poll(() => page.locator('[data-when-empty]').isVisible()).toBe(true);
      expect(await stored(page)).toBe('[]');

      await page.goto(server.at(`papers/${onPage}/`));
      await saveButton(page, onPage).click();
      expect(await stored(page)).toBe(JSON.stringify([onPage]));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('exports every paper a search finds, as BibTeX and into the list', async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    const { page, errors } = await watched(context);
    try {
      await page.goto(server.at(`search/?theme=${encodeURIComponent(`${theme.conference}/${theme.stem}`)}`));
      const bar = page.locator('[data-export-bar]');
      await expect.poll(() => bar.isVisible(), { timeout: 15_000 }).toBe(true);
      // Results carry their own Save controls.
      await expect.poll(() => page.locator(`#search-results button[data-save="${inTheme}"]`).isVisible()).toBe(true);

      const bib = page.waitForEvent('download');
      await bar.getByRole('button', { name: /^BibTeX of/ }).click();
      const library = parse(readFileSync((await (await bib).path())!, 'utf8'));
      expect(library.errors).toEqual([]);
      expect(library.entries.map((e) => e.key).sort()).toEqual([...themeKeys].sort());

      await bar.getByRole('button', { name: /^Save / }).click();
      await expect.poll(async () => JSON.parse((await stored(page)) ?? '[]').sort()).toEqual([...themeKeys].sort());
      expect(await page.locator(`#search-results button[data-save="${inTheme}"]`).getAttribute('aria-pressed')).toBe(
        'true',
      );
      expect(await count(page)).toBe(` (${themeKeys.length})`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('hides the controls without script, and the reading-list page says why', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(server.at(`papers/${onPage}/`));
      expect(await saveButton(page, onPage).isHidden()).toBe(true);
      await page.goto(server.at('reading-list/'));
      expect(await page.locator('[data-needs-script]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

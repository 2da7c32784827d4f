/**
 * Citation previews in Chromium: a citation opens its paper's card in place by mouse, keyboard
 * and touch; focus goes back to the citation when the card closes; the address never changes;
 * without script the citation is a plain link to its reference; axe finds nothing with a card open.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { describeInChromium } from '../helpers/browser';
import { citedKeys, readContent } from '../helpers/content';
import { serveDist, type StaticServer } from '../helpers/serve';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const content = readContent(realContent);
const multi = readContent(`${SITES.multi.dist}/../content`);

/** A theme citing at least two papers, and the title of its first cited paper. */
const theme = content.themes.find((t) => citedKeys(t.body).length >= 2);
if (!theme) throw new Error('the real content has no theme citing two papers');
const themePath = `/${theme.conference}/${theme.stem}/`;
const [firstKey = '', secondKey = ''] = citedKeys(theme.body);
const titleOf = (key: string) => String(content.papers.find((p) => p.stem === key)?.data['title']);

/** A citation group with several papers, from the two-conference fixture. */
const grouped = multi.themes.find((t) => /\[@[^\]]*;\s*@/.test(t.body));
if (!grouped) throw new Error('the fixture content has no multi-citation');

let server: StaticServer;
let multiServer: StaticServer;
beforeAll(async () => {
  server = await serveDist(SITES.real.dist);
  multiServer = await serveDist(SITES.multi.dist);
});
afterAll(async () => {
  await server?.close();
  await multiServer?.close();
});

const citation = (page: Page, key: string) => page.locator(`.citation a[href="#ref-${key}"]`).first();
const card = (page: Page, key: string) => page.locator(`#preview-${key}`);
const isOpen = (page: Page, key: string) => card(page, key).evaluate((el) => el.matches(':popover-open'));
const focusIn = (page: Page, key: string) =>
  page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement) ?? false, `preview-${key}`);
const focusedHref = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('href'));

async function open(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.at(themePath), { waitUntil: 'load' });
  return { context, page, errors };
}

describeInChromium('citation previews in Chromium', (browser) => {
  it('opens on hover after a pause, stays while the pointer is on the card, and closes when it leaves', async () => {
    const { context, page, errors } = await open(browser(), { viewport: { width: 1280, height: 900 } });
    try {
      // The delay is measured in the page, from the pointer's arrival to the card's opening.
      await page.evaluate((id) => {
        const w = window as unknown as { arrived?: number; opened?: number };
        document.addEventListener('pointerover', () => (w.arrived ??= performance.now()), { capture: true });
        document.getElementById(id)?.addEventListener('toggle', () => (w.opened ??= performance.now()));
      }, `preview-${firstKey}`);
      await citation(page, firstKey).hover();
      await expect.poll(() => isOpen(page, firstKey)).toBe(true);
      const delay = await page.evaluate(() => {
        const w = window as unknown as { arrived?: number; opened?: number };
        return (w.opened ?? 0) - (w.arrived ?? 0);
      });
      expect(delay).toBeGreaterThanOrEqual(250);
      expect((await card(page, firstKey).locator('.title').textContent())?.trim()).toBe(titleOf(firstKey));
      await card(page, firstKey).locator('.title a').hover();
      await page.waitForTimeout(600);
      expect(await isOpen(page, firstKey)).toBe(true);
      await page.mouse.move(5, 5);
      await expect.poll(() => isOpen(page, firstKey)).toBe(false);
      expect(new URL(page.url()).hash).toBe('');
      expect(errors.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('opens on click without navigating, and Escape closes it and returns focus to the citation', async () => {
    const { context, page, errors } = await open(browser());
    try {
      await citation(page, secondKey).click();
      expect(await isOpen(page, secondKey)).toBe(true);
      expect(await focusIn(page, secondKey)).toBe(true);
      expect(new URL(page.url()).hash).toBe('');
      await page.keyboard.press('Escape');
      expect(await isOpen(page, secondKey)).toBe(false);
      expect(await focusedHref(page)).toBe(`#ref-${secondKey}`);
      // Escape with the pointer on the citation closes the card too: no need to move the pointer away.
      await citation(page, firstKey).hover();
      await expect.poll(() => isOpen(page, firstKey)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await isOpen(page, firstKey)).toBe(false);
      expect(errors.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('shows the card on keyboard focus; Enter moves into it, Tab leaves it, Escape returns to the citation', async () => {
    const { context, page } = await open(browser());
    try {
      // After a key press, focus is :focus-visible, as it is for a keyboard user tabbing to the citation.
      await page.keyboard.press('Tab');
      await citation(page, firstKey).focus();
      expect(await focusedHref(page)).toBe(`#ref-${firstKey}`);
      expect(await isOpen(page, firstKey)).toBe(true);
      expect(await focusIn(page, firstKey)).toBe(false);

      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('');
      expect(await focusIn(page, firstKey)).toBe(true);
      const name = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const label = document.getElementById(el?.getAttribute('aria-labelledby') ?? '');
        return { role: el?.getAttribute('role'), name: label?.textContent?.trim() };
      }, `preview-${firstKey}`);
      expect(name).toEqual({ role: 'dialog', name: titleOf(firstKey) });

      // Not a trap: Tab goes through the card's links and out of it.
      let left = false;
      for (let i = 0; i < 20 && !left; i++) {
        await page.keyboard.press('Tab');
        left = !(await focusIn(page, firstKey));
      }
      expect(left).toBe(true);

      await citation(page, firstKey).focus();
      await page.keyboard.press('Enter');
      expect(await focusIn(page, firstKey)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await isOpen(page, firstKey)).toBe(false);
      expect(await focusedHref(page)).toBe(`#ref-${firstKey}`);
    } finally {
      await context.close();
    }
  });

  it('opens on a tap and closes on a tap outside, on a phone', async () => {
    const { context, page, errors } = await open(browser(), {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    try {
      await citation(page, firstKey).tap();
      await expect.poll(() => isOpen(page, firstKey)).toBe(true);
      expect(new URL(page.url()).hash).toBe('');
      const box = await card(page, firstKey).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      await page.locator('h1').tap();
      await expect.poll(() => isOpen(page, firstKey)).toBe(false);
      expect(errors.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it('previews each paper of a citation group', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await page.goto(multiServer.at(`/${grouped.conference}/${grouped.stem}/`), { waitUntil: 'load' });
      const group = page
        .locator('.citation')
        .filter({ has: page.locator('a + a') })
        .first();
      const links = group.locator('a');
      expect(await links.count()).toBeGreaterThan(1);
      for (let i = 0; i < (await links.count()); i++) {
        const key = ((await links.nth(i).getAttribute('href')) ?? '').replace('#ref-', '');
        await links.nth(i).click();
        expect(await isOpen(page, key), key).toBe(true);
        await page.keyboard.press('Escape');
      }
    } finally {
      await context.close();
    }
  });

  it('leaves the citation a link to its reference without script', async () => {
    const { context, page } = await open(browser(), { javaScriptEnabled: false });
    try {
      expect(await card(page, firstKey).isVisible()).toBe(false);
      await citation(page, firstKey).click();
      expect(new URL(page.url()).hash).toBe(`#ref-${firstKey}`);
      expect(await card(page, firstKey).isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('has no axe violations with a card open, in the light and the dark colour scheme', async () => {
    const { context, page } = await open(browser());
    try {
      await citation(page, firstKey).click();
      expect(await isOpen(page, firstKey)).toBe(true);
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
        found.push(
          ...violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        );
      }
      expect(found).toEqual([]);
      expect(await isOpen(page, firstKey)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

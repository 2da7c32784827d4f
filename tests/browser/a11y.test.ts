/**
 * Accessibility of the real build in Chromium: axe-core (WCAG 2.2 A and AA, plus best practice)
 * on every page in the light colour scheme and on every page type in the dark one (the scheme
 * only switches colour tokens, which a page type's template applies), and a keyboard walk on every page type:
 * the skip link comes first and lands in the main region, every focus is visible, and focus moves
 * in document order. Every page type also fits a 320 and a 390 px wide window.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { describeInChromium } from '../helpers/browser';
import { people, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';
import { serveDist, type StaticServer } from '../helpers/serve';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);

/** One page of each type, taken from the content. */
function pageTypes(): Record<string, string> {
  const conference = content.conferences[0];
  const theme = content.themes[0];
  const paper = content.papers[0];
  const talk = content.talks[0];
  const author = [...people(content.papers)].find(([, person]) => person.hasPage)?.[0];
  if (!conference || !theme || !paper || !talk || !author) throw new Error('the real content lacks a page type');
  const types: Record<string, string> = {
    home: '/',
    conference: `/${conference.stem}/`,
    theme: `/${theme.conference}/${theme.stem}/`,
    paper: `/papers/${paper.stem}/`,
    author: `/authors/${author}/`,
    talk: `/talks/${talk.conference}/${talk.stem}/`,
    papers: '/papers/',
    authors: '/authors/',
    talks: '/talks/',
    'not found': '/404.html',
  };
  if (dist.has(`/${conference.stem}/outlook/`)) types['outlook'] = `/${conference.stem}/outlook/`;
  const followUp = content.followUps[0];
  if (followUp) types['follow-up'] = `/follow-ups/${followUp.conference}/${followUp.stem}/`;
  types['reading list'] = '/reading-list/';
  return types;
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveDist(SITES.real.dist);
});
afterAll(async () => {
  await server?.close();
});

/**
 * Every axe violation on every page in light and on each page type in dark, as `page (scheme):
 * rule (impact): targets`. Each page loads once and is checked in light, then in dark: the scheme
 * only switches the colour tokens. Legacy mode runs axe in the page itself, without the blank page
 * per check that cross-origin frames need: the site has no frames, and it is several times faster.
 * Two tabs share the pages, so both cores work.
 */
async function axeViolations(browser: Browser): Promise<string[]> {
  const context = await browser.newContext();
  const pages = dist.pages();
  const halves = [pages.filter((_, i) => i % 2 === 0), pages.filter((_, i) => i % 2 === 1)];
  try {
    const found = await Promise.all(halves.map(async (paths) => sweep(await context.newPage(), paths)));
    return found.flat();
  } finally {
    await context.close();
  }
}

/** The violations on one tab's share of the pages. */
async function sweep(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const typical = new Set([...Object.values(pageTypes()), '/search/']);
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.at(path), { waitUntil: 'load' });
    for (const scheme of typical.has(path) ? (['light', 'dark'] as const) : (['light'] as const)) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .options({ resultTypes: ['violations'] })
        .setLegacyMode(true)
        .analyze();
      for (const v of violations) {
        const targets = v.nodes.map((n) => n.target.join(' ')).join(', ');
        found.push(`${path} (${scheme}): ${v.id} (${v.impact}): ${targets}`);
      }
    }
  }
  return found;
}

/** What the focused element looks like and where it sits, read in the page. */
interface Focus {
  tag: string;
  text: string;
  /** Index in document order among all elements. */
  order: number;
  inMain: boolean;
  visible: boolean;
  indicated: boolean;
}

const readFocus = (page: Page) =>
  page.evaluate((): Focus | null => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 40),
      order: [...document.querySelectorAll('*')].indexOf(el),
      inMain: el.closest('main') !== null,
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
      indicated: outline || style.boxShadow !== 'none',
    };
  });

describeInChromium('accessibility in Chromium', (browser) => {
  it('has no axe violations on any page in the light scheme, nor on any page type in the dark one', async () => {
    expect(dist.pages().length).toBeGreaterThan(content.papers.length);
    expect(await axeViolations(browser())).toEqual([]);
  }, 600_000);

  it("fits every page type in a phone's width: nothing scrolls sideways but formulas in their own boxes", async () => {
    const wide: string[] = [];
    for (const width of [320, 390]) {
      const context = await browser().newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      try {
        for (const [type, path] of Object.entries({ ...pageTypes(), search: '/search/' })) {
          await page.goto(server.at(path), { waitUntil: 'load' });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) wide.push(`${type} (${path}) at ${width}px: ${scrollWidth}px wide`);
        }
      } finally {
        await context.close();
      }
    }
    expect(wide).toEqual([]);
  });

  it.each(Object.entries(pageTypes()))('walks the %s page by keyboard', async (type, path) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await page.goto(server.at(path), { waitUntil: 'load' });
      expect(await page.locator('[tabindex]').evaluateAll((els) => els.filter((e) => e.tabIndex > 0).length)).toBe(0);

      await page.keyboard.press('Tab');
      const skip = await readFocus(page);
      expect(skip, type).toMatchObject({ tag: 'a', text: 'Skip to content', visible: true, indicated: true });

      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), type).toBe('main');

      const walk: Focus[] = [];
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const focus = await readFocus(page);
        if (!focus || (walk.length > 0 && focus.order <= (walk.at(-1)?.order ?? -1))) break;
        walk.push(focus);
        expect(focus.indicated, `${type}: focus on <${focus.tag}> "${focus.text}" has no visible indicator`).toBe(true);
        expect(focus.visible, `${type}: focused <${focus.tag}> "${focus.text}" is off screen`).toBe(true);
      }
      expect(walk.length, type).toBeGreaterThan(0);
      expect(walk[0]?.inMain, `${type}: the first stop after the skip link is in the main region`).toBe(true);
    } finally {
      await context.close();
    }
  });
});

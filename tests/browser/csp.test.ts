/**
 * The Content-Security-Policy in a real browser: the sub-path build served with its `_headers`
 * applied, as Netlify or Cloudflare Pages serve it, while a reader reads a page full of math,
 * copies a BibTeX entry and searches. Any `securitypolicyviolation` event fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/csp';
import { realContent } from '../helpers/build';
import { readContent } from '../helpers/content';
import { DEPLOY_ENV, DEPLOY_SITES } from '../helpers/deploy';
import { chromiumAvailable, describeInChromium, openPage, type WatchedPage } from '../helpers/browser';
import { serveDist, type StaticServer } from '../helpers/serve';

const content = readContent(realContent);
const { BASE_PATH: base } = DEPLOY_ENV;
const dist = DEPLOY_SITES.a.dist;

/** The theme with the most display formulas: the heaviest KaTeX page. */
const mathTheme = [...content.themes].sort(
  (a, b) => (b.body.match(/^\$\$/gm)?.length ?? 0) - (a.body.match(/^\$\$/gm)?.length ?? 0),
)[0];
/** A word of a paper title that search must find. */
const paper = content.papers[0];
const query = String(paper?.data['title'] ?? '')
  .split(/[^A-Za-z]+/)
  .sort((a, b) => b.length - a.length)[0];

let server: StaticServer;

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  server = await serveDist(dist, { base, headers: (pathname) => headersFor(rules, pathname) });
});
afterAll(async () => {
  await server?.close();
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** A page that records every CSP violation it sees, through a binding the page cannot block. */
async function watchPolicy(browser: () => Browser): Promise<WatchedPage & { violations: Violation[] }> {
  const watched = await openPage(browser());
  const violations: Violation[] = [];
  await watched.context.exposeBinding('reportViolation', (_, v: Violation) => {
    violations.push(v);
  });
  await watched.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation: (v: unknown) => void }).reportViolation;
      report({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
  return { ...watched, violations };
}

async function visit(page: Page, path: string) {
  const response = await page.goto(server.at(path));
  expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  return response;
}

describeInChromium('the CSP in Chromium', (browser) => {
  it('lets a reader read math, copy BibTeX and search without a single violation', async () => {
    expect(mathTheme && paper && query).toBeTruthy();
    const watched = await watchPolicy(browser);
    const { page } = watched;
    try {
      await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });

      await visit(page, `${mathTheme?.conference}/${mathTheme?.stem}/`);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.locator('.katex-display').count()).toBeGreaterThan(0);
      // KaTeX's stylesheet and fonts applied: glyphs are laid out by its CSS and drawn in its font.
      expect(await page.evaluate(() => document.fonts.check('1em KaTeX_Main'))).toBe(true);
      const strut = page.locator('.katex-html .strut').first();
      expect(await strut.evaluate((el) => getComputedStyle(el).display)).toBe('inline-block');

      await visit(page, `papers/${paper?.stem}/`);
      // The copy button is shown and works only if the page's inline module script ran.
      const copy = page.locator('copy-button button');
      await copy.click();
      await expect.poll(() => copy.textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@\w+\{/);

      await visit(page, `search/?q=${encodeURIComponent(query ?? '')}`);
      const results = page.locator('a[data-result]');
      await results.first().waitFor();
      const hrefs = await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(base), href).toBe(true);
      expect(hrefs).toContain(`${base}papers/${paper?.stem}/`);

      expect(watched.violations).toEqual([]);
      expect(watched.problems.errors).toEqual([]);
      expect(watched.problems.console).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('serves the styled 404 page at any depth', async () => {
    const watched = await watchPolicy(browser);
    try {
      for (const path of ['no-such-page/', 'papers/no-such-paper/', 'a/b/c/d/e/']) {
        const response = await watched.page.goto(server.at(path));
        expect(response?.status(), path).toBe(404);
        expect(await watched.page.locator('h1').textContent(), path).toBe('Page not found');
        const skip = watched.page.locator('.skip-link');
        expect(await skip.evaluate((el) => getComputedStyle(el).position), path).toBe('absolute');
        const home = await watched.page
          .locator('main a')
          .first()
          .evaluate((a) => (a as HTMLAnchorElement).pathname);
        expect(home, path).toBe(base);
      }
      expect(watched.violations).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

/** Reads a built `dist/` folder: its HTML pages, parsed once each. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { pagePaths, ROUTES } from '../../src/lib/urls';

/**
 * Pages a host or the offline copy serves in place of a page that is missing (the 404 page, and
 * the page the offline copy shows for a page it does not hold): no canonical URL, no sitemap
 * entry, no link to them, and out of search engines.
 */
export const FALLBACK_PAGES: readonly string[] = ['/404.html', `/${pagePaths.route(ROUTES.offline)}`];

/**
 * Tool pages: what they show is made in the browser (search, the reading list, keeping a digest
 * offline), so they describe no content to crawlers.
 */
export const isToolPage = (path: string): boolean =>
  path === `/${pagePaths.route(ROUTES.search)}` ||
  path === `/${ROUTES.readingList}/` ||
  new RegExp(`^/[^/]+/${ROUTES.offline}/$`).test(path);

export class Dist {
  private cache = new Map<string, CheerioAPI>();
  constructor(readonly root: string) {}

  /** Every HTML file, as a site path such as `/papers/x/` (or `/404.html`). */
  pages(): string[] {
    return readdirSync(this.root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => `/${f}`.replace(/index\.html$/, ''))
      .sort();
  }

  /** The file a site path is served from, or undefined when there is none. */
  fileFor(sitePath: string): string | undefined {
    const clean = decodeURIComponent(sitePath.split(/[?#]/)[0] ?? '/');
    const direct = join(this.root, clean);
    if (existsSync(direct) && statSync(direct).isFile()) return direct;
    const index = join(direct, 'index.html');
    return existsSync(index) ? index : undefined;
  }

  has(sitePath: string): boolean {
    return this.fileFor(sitePath) !== undefined;
  }

  /** The parsed page at a site path; throws if the page does not exist. */
  page(sitePath: string): CheerioAPI {
    const file = this.fileFor(sitePath);
    if (!file) throw new Error(`no page at ${sitePath} in ${this.root}`);
    let $ = this.cache.get(file);
    if (!$) {
      $ = load(readFileSync(file, 'utf8'));
      this.cache.set(file, $);
    }
    return $;
  }
}

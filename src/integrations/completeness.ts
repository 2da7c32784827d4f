/**
 * The build's last step: checks that nothing was lost on the way from content to `dist/` (every
 * entity's page, in the sitemap and the search index; see `lib/completeness.ts`) after every step
 * that writes or deletes files there, and fails the build naming what is missing. A conference
 * folder named like the search bundle, for one, would have its page deleted by the indexer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildCatalog } from '../lib/catalog';
import { expectedPages, lostPages, type BuiltSite } from '../lib/completeness';
import { contentRoot } from '../lib/content-root';
import { SEARCH_BUNDLE_DIR } from '../lib/search-state';
import { catalogInputOf } from '../validate/checks';
import { pathShown, readContentRoot } from '../validate/read';
import { checkSchema } from '../validate/schema';

/** The catalog as the build read it, through the validator's reader. */
export async function readCatalog(root: string) {
  const read = await readContentRoot(root, pathShown(process.cwd()));
  return buildCatalog(catalogInputOf(read.sources.map((source) => checkSchema(source).entry)));
}

/** Every HTML page under `dir`, as a path relative to the base: `papers/x/`, `404.html`. */
function builtPages(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) =>
        file
          .split('\\')
          .join('/')
          .replace(/(^|\/)index\.html$/, '$1'),
      ),
  );
}

/** A URL of the site as a path relative to the base. */
const relativeTo = (base: string) => (url: string) => {
  const path = decodeURI(new URL(url, 'http://site').pathname);
  return path.startsWith(base) ? path.slice(base.length) : path;
};

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

/** The pages of the sitemap, read through its index. */
function sitemapPages(dir: string, base: string): Set<string> {
  const relative = relativeTo(base);
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) return new Set();
  const sitemaps = locs(readFileSync(index, 'utf8')).map(relative);
  return new Set(sitemaps.flatMap((file) => locs(readFileSync(join(dir, file), 'utf8')).map(relative)));
}

/**
 * The pages in Pagefind's index, from its fragments: gzip files that start with a marker, holding
 * one page's fragment or, where fragments are bundled, an object of them. Their URLs are relative to
 * the indexed folder; the search page puts the base in front.
 */
function indexedPages(dir: string): Set<string> | undefined {
  const folder = join(dir, SEARCH_BUNDLE_DIR, 'fragment');
  if (!existsSync(folder)) return undefined;
  const relative = relativeTo('/');
  const pages = new Set<string>();
  for (const file of readdirSync(folder)) {
    const text = gunzipSync(readFileSync(join(folder, file)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    const data = JSON.parse(text) as { url?: unknown } | Record<string, { url?: unknown }>;
    const fragments = typeof data.url === 'string' ? [data] : Object.values(data as Record<string, { url?: unknown }>);
    for (const f of fragments) if (typeof f.url === 'string') pages.add(relative(f.url));
  }
  return pages;
}

/** What a built folder lost of a content root's pages, one line each (see `lostPages`). */
export async function lostInBuild(dist: string, base: string, root: string) {
  const expected = expectedPages(await readCatalog(root));
  const site: BuiltSite = { pages: builtPages(dist), sitemap: sitemapPages(dist, base), indexed: indexedPages(dist) };
  return { expected, indexed: site.indexed !== undefined, lost: lostPages(expected, site) };
}

/** The Astro integration: keep it last, after every integration that writes into `dist/`. */
export default function completeness(): AstroIntegration {
  let base = '/';
  return {
    name: 'conference-digest:completeness',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { expected, indexed, lost } = await lostInBuild(fileURLToPath(dir), base, contentRoot());
        if (lost.length > 0) {
          throw new Error(`the build lost ${lost.length} page(s):\n${lost.map((l) => `  - ${l}`).join('\n')}`);
        }
        const searched = indexed ? ', in the sitemap and in search' : ' and in the sitemap';
        logger.info(`nothing lost: ${expected.length} entity pages built${searched}`);
      },
    },
  };
}

/**
 * Nothing lost: over the real build, every content entity (conference, outlook, theme, paper,
 * talk, follow-up, and each author with a page) has exactly one page, and each conference its offline page;
 * that page is in the sitemap and, but for author and offline pages, in the search index, and
 * neither lists a page that does not exist. Index pages (home, lists, search, the reading list)
 * and the fallback pages are the only extras.
 * Paper pages carry the full title and every author; theme reference lists equal what they cite.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lostInBuild } from '../../src/integrations/completeness';
import { RESERVED_SEGMENTS } from '../../src/lib/urls';
import { realContent, SITES } from '../helpers/build';
import { citedKeys, people, readContent } from '../helpers/content';
import { Dist, FALLBACK_PAGES } from '../helpers/dist';
import { openSearch, searchAll, type SiteSearch } from '../helpers/search';
import { serveDist, type StaticServer } from '../helpers/serve';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The page every entity must have, derived from what editors wrote. */
const entityPages = sorted([
  ...content.conferences.map((c) => `/${c.stem}/`),
  ...content.conferences
    .filter((c) => existsSync(join(realContent, 'conferences', c.stem, 'outlook.mdx')))
    .map((c) => `/${c.stem}/outlook/`),
  ...content.conferences.map((c) => `/${c.stem}/offline/`),
  ...content.themes.map((t) => `/${t.conference}/${t.stem}/`),
  ...content.papers.map((p) => `/papers/${p.stem}/`),
  ...content.talks.map((t) => `/talks/${t.conference}/${t.stem}/`),
  ...content.followUps.map((f) => `/follow-ups/${f.conference}/${f.stem}/`),
  ...[...people(content.papers)].filter(([, person]) => person.hasPage).map(([key]) => `/authors/${key}/`),
]);

/** Pages that list or serve entities rather than being one: home, the lists, the tools, the fallbacks. */
const INDEX_PAGES = ['/', '/papers/', '/authors/', '/talks/', '/search/', '/reading-list/', ...FALLBACK_PAGES];

/** Site paths of the sitemap's URLs, read through its index. */
function sitemapPages(): string[] {
  const locs = (file: string) => {
    const $ = load(readFileSync(join(SITES.real.dist, file), 'utf8'), { xml: true });
    return $('loc')
      .map((_, l) => new URL($(l).text()).pathname)
      .get();
  };
  return locs('sitemap-index.xml').flatMap((sitemap) => locs(sitemap.replace(/^\//, '')));
}

describe('nothing lost', () => {
  it('builds exactly one page per entity, and no page that is neither an entity nor an index', () => {
    expect(entityPages.length).toBeGreaterThan(content.papers.length);
    for (const page of entityPages) expect(dist.has(page), page).toBe(true);
    const built = dist.pages();
    expect(built.filter((p) => !INDEX_PAGES.includes(p))).toEqual(entityPages);
  });

  it('lists every entity page in the sitemap, and only pages that exist', () => {
    const listed = sitemapPages();
    expect(listed).toHaveLength(new Set(listed).size);
    for (const page of entityPages) expect(listed, page).toContain(page);
    for (const page of listed) expect(dist.has(page), page).toBe(true);
    expect(listed.filter((p) => !INDEX_PAGES.includes(p)).sort()).toEqual(entityPages);
  });

  it('carries the full title and every author on each paper page', () => {
    for (const paper of content.papers) {
      const $ = dist.page(`/papers/${paper.stem}/`);
      expect($('h1').text(), paper.file).toBe(paper.data['title']);
      const text = $('main').text();
      for (const author of paper.data['authors'] as string[]) expect(text, paper.file).toContain(author);
    }
  });

  it('lists on each theme page exactly the papers it cites', () => {
    for (const theme of content.themes) {
      const $ = dist.page(`/${theme.conference}/${theme.stem}/`);
      const listed = $('ol.references > li a[href^="/papers/"]:not(.back)')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(sorted(listed), theme.file).toEqual(sorted(citedKeys(theme.body).map((k) => `/papers/${k}/`)));
    }
  });
});

describe('nothing lost from search', () => {
  let server: StaticServer;
  let search: SiteSearch;
  let indexed: { url: string; title: string }[];

  beforeAll(async () => {
    server = await serveDist(SITES.real.dist);
    search = await openSearch(SITES.real.dist, server);
    // Every indexed page has a type filter; asking for all types lists the whole index.
    const types = Object.keys((await search.filters())['type'] ?? {});
    const results = await searchAll(search, null, { filters: { type: { any: types } } });
    indexed = results.map((r) => ({ url: r.url, title: r.meta['title'] ?? '' }));
  });
  afterAll(async () => {
    await search?.destroy();
    await server?.close();
  });

  it('indexes every entity page once, and nothing that has no page', () => {
    const entry = JSON.parse(readFileSync(join(SITES.real.dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const total = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(indexed).toHaveLength(total);
    const urls = indexed.map((r) => r.url);
    expect(urls).toHaveLength(new Set(urls).size);
    // An author page lists papers that are in the index themselves, and a name finds them there; a
    // conference's offline page is a tool, with nothing on it to find.
    const searchable = entityPages.filter((page) => !page.startsWith('/authors/') && !page.endsWith('/offline/'));
    for (const page of searchable) expect(urls, page).toContain(page);
    for (const url of urls) expect(dist.has(url), url).toBe(true);
    expect(urls.filter((u) => !INDEX_PAGES.includes(u)).sort()).toEqual(searchable);
  });

  it('indexes each paper under its full title', () => {
    for (const paper of content.papers) {
      const result = indexed.find((r) => r.url === `/papers/${paper.stem}/`);
      expect(result?.title, paper.file).toBe(paper.data['title']);
    }
  });
});

describe('the build step that checks nothing was lost', () => {
  it('finds nothing lost in the real build, the index included', async () => {
    const { expected, indexed, lost } = await lostInBuild(SITES.real.dist, '/', realContent);
    expect(lost).toEqual([]);
    expect(indexed).toBe(true);
    expect(expected.map((p) => `/${p.path}`).sort()).toEqual(entityPages);
  });

  it('names a page that a later step deleted, wherever it is still listed', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'lost-'));
    try {
      cpSync(SITES.real.dist, copy, { recursive: true });
      const paper = content.papers[0]!;
      rmSync(join(copy, 'papers', paper.stem), { recursive: true });
      const { lost } = await lostInBuild(copy, '/', realContent);
      expect(lost).toEqual([
        `paper "${paper.stem}" (${paper.file.replace(`${realContent}/`, 'content/')}): no page at papers/${paper.stem}/`,
        `the sitemap lists papers/${paper.stem}/, which has no page`,
        `search finds papers/${paper.stem}/, which has no page`,
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('leaves no top-level folder of the build to a conference unless it is reserved', () => {
    const conferences = new Set(content.conferences.map((c) => c.stem));
    const folders = readdirSync(SITES.real.dist, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).toBeGreaterThan(conferences.size);
    for (const { name } of folders) if (!conferences.has(name)) expect(RESERVED_SEGMENTS, name).toContain(name);
  });
});

/**
 * The search index of the real build, queried in Node through the site's own Pagefind bundle,
 * and the search attributes of the built pages. Every expectation is derived from `content/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, realContent, SITES } from '../helpers/build';
import { citedKeys, people, readContent, type RawEntry } from '../helpers/content';
import { Dist } from '../helpers/dist';
import { openSearch, searchAll, type SiteSearch } from '../helpers/search';
import { serveDist, type StaticServer } from '../helpers/serve';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const str = (v: unknown) => String(v);
const paperUrl = (id: string) => `/papers/${id}/`;
const themeId = (t: (typeof content.themes)[number]) => `${t.conference}/${t.stem}`;
const urls = (results: { url: string }[]) => results.map((r) => r.url).sort();

let server: StaticServer;
let search: SiteSearch;

beforeAll(async () => {
  server = await serveDist(SITES.real.dist);
  search = await openSearch(SITES.real.dist, server);
});
afterAll(async () => {
  await search?.destroy();
  await server?.close();
});

describe('the index built with the site', () => {
  it('is written into dist by astro build, never into public/', () => {
    expect(existsSync(join(SITES.real.dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(projectRoot, 'public', 'pagefind'))).toBe(false);
  });

  it('finds every paper’s page in the top 3 results for its title', async () => {
    expect(content.papers.length).toBeGreaterThan(0);
    for (const paper of content.papers) {
      const top = (await searchAll(search, str(paper.data['title']))).slice(0, 3).map((r) => r.url);
      expect(top, paper.file).toContain(paperUrl(paper.stem));
    }
  });

  it('returns exactly the papers a theme cites for its theme filter', async () => {
    expect(content.themes.length).toBeGreaterThan(0);
    for (const theme of content.themes) {
      const papers = await searchAll(search, null, {
        filters: { theme: { any: [themeId(theme)] }, type: { any: ['paper'] } },
      });
      expect(urls(papers), theme.file).toEqual(citedKeys(theme.body).map(paperUrl).sort());
      const itself = await searchAll(search, null, {
        filters: { theme: { any: [themeId(theme)] }, type: { any: ['theme'] } },
      });
      expect(urls(itself), theme.file).toEqual([`/${themeId(theme)}/`]);
    }
  });

  it('ORs values of one facet and ANDs facets', async () => {
    const [a, b] = content.themes;
    if (!a || !b) throw new Error('the content needs two themes for this test');
    const either = await searchAll(search, null, {
      filters: { theme: { any: [themeId(a), themeId(b)] }, type: { any: ['paper'] } },
    });
    const expected = new Set([...citedKeys(a.body), ...citedKeys(b.body)].map(paperUrl));
    expect(urls(either)).toEqual([...expected].sort());
    for (const track of ['conference', 'workshop', 'other']) {
      const both = await searchAll(search, null, {
        filters: { theme: { any: [themeId(a), themeId(b)] }, track: { any: [track] } },
      });
      const want = content.papers
        .filter((p) => expected.has(paperUrl(p.stem)) && p.data['track'] === track)
        .map((p) => paperUrl(p.stem));
      expect(urls(both), track).toEqual(want.sort());
    }
  });

  it('filters papers by track, venue, year and award as the records say', async () => {
    for (const field of ['track', 'venue', 'year', 'award'] as const) {
      const values = new Set(content.papers.flatMap((p) => (p.data[field] === undefined ? [] : [str(p.data[field])])));
      expect(values.size, field).toBeGreaterThan(0);
      for (const value of values) {
        const found = await searchAll(search, null, {
          filters: { [field]: { any: [value] }, type: { any: ['paper'] } },
        });
        const want = content.papers.filter((p) => str(p.data[field]) === value).map((p) => paperUrl(p.stem));
        expect(urls(found), `${field}=${value}`).toEqual(want.sort());
      }
    }
  });

  it('counts every page once by type, one type per entity kind', async () => {
    const counts = (await search.filters())['type'] ?? {};
    expect(counts['paper']).toBe(content.papers.length);
    expect(counts['theme']).toBe(content.themes.length);
    expect(counts['talk']).toBe(content.talks.length);
    expect(counts['author']).toBeUndefined();
  });

  it('returns each paper’s title, authors, arXiv id and record URL as metadata', async () => {
    const papers = await searchAll(search, null, { filters: { type: { any: ['paper'] } } });
    for (const paper of content.papers) {
      const result = papers.find((r) => r.url === paperUrl(paper.stem));
      expect(result, paper.file).toBeDefined();
      expect(result?.meta['title']).toBe(paper.data['title']);
      const authors = paper.data['authors'] as string[];
      for (const name of authors) expect(result?.meta['authors']).toContain(name);
      if (paper.data['arxiv']) {
        expect(result?.meta['arxiv']).toBe(str(paper.data['arxiv']));
        expect(result?.meta['url']).toBe(`https://arxiv.org/abs/${str(paper.data['arxiv'])}`);
      }
    }
  });

  it('finds every paper of an author by their name, and no author page', async () => {
    const persons = [...people(content.papers).values()];
    expect(persons.length).toBeGreaterThan(0);
    for (const person of persons) {
      const name = person.names[0] ?? '';
      const found = (await searchAll(search, name)).map((r) => r.url);
      for (const stem of person.papers) expect(found, name).toContain(paperUrl(stem));
      expect(
        found.filter((url) => url.startsWith('/authors/')),
        name,
      ).toEqual([]);
    }
  });

  it('carries no sort keys, which would weigh on every first search', () => {
    for (const path of dist.pages()) expect(dist.page(path)('[data-pagefind-sort]').length, path).toBe(0);
  });

  it('indexes each formula once, as readable text rather than TeX source', async () => {
    const withMath = content.papers.filter((p) => /(?<!\\)\$/.test(str(p.data['summary'])));
    expect(withMath.length).toBeGreaterThan(0);
    const pages = await searchAll(search, null, { filters: { type: { any: ['paper', 'theme', 'overview'] } } });
    for (const page of pages) expect(page.content, page.url).not.toMatch(/\\[a-zA-Z]{2,}/);
  });

  it('highlights the match in excerpts and leaves navigation out of the index', async () => {
    const [first] = await searchAll(search, 'quantization');
    expect(first?.excerpt).toMatch(/<mark>quantization<\/mark>/i);
    // Header and footer words are on every page; only pages that mention them match.
    const chrome = await searchAll(search, 'digested');
    expect(chrome.length).toBeLessThan(dist.pages().length / 4);
  });
});

describe('search attributes in the built pages', () => {
  const indexed = (path: string) => dist.page(path)('[data-pagefind-body]').length;

  it('marks the main content of every content page, once', () => {
    const pages = [
      ...content.papers.map((p) => paperUrl(p.stem)),
      ...content.themes.map((t) => `/${themeId(t)}/`),
      ...content.talks.map((t) => `/talks/${t.conference}/${t.stem}/`),
      ...content.conferences.map((c) => `/${c.stem}/`),
    ];
    for (const path of pages) expect(indexed(path), path).toBe(1);
  });

  it('builds a search page that loads the bundle under the base, without the development notice', () => {
    const $ = dist.page('/search/');
    expect($('search-app').attr('data-bundle')).toBe('/pagefind/');
    expect($('search-app').attr('data-dev')).toBeUndefined();
    expect($('search-app .notice').length).toBe(0);
    expect($('form[role="search"] input[name="q"]').length).toBe(1);
    // One live region for the results, one for the export bar's outcome.
    expect($('[role="status"][data-status]').length).toBe(1);
    expect($('[role="status"][data-export-status]').length).toBe(1);
  });

  it('leaves the 404, search, index and author pages out', () => {
    const authorPages = dist.pages().filter((p) => p.startsWith('/authors/'));
    expect(authorPages.length).toBeGreaterThan(1);
    for (const path of ['/404.html', '/search/', '/', '/papers/', '/talks/', ...authorPages]) {
      expect(indexed(path), path).toBe(0);
    }
  });

  it('keeps header and footer out of the index on every page', () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      expect($('header:has(nav[aria-label="Site"])[data-pagefind-ignore]').length, path).toBe(1);
      expect($('body > footer[data-pagefind-ignore]').length, path).toBe(1);
    }
  });

  it('weighs a paper’s title and authors above its text', () => {
    for (const paper of content.papers) {
      const $ = dist.page(paperUrl(paper.stem));
      expect(Number($('h1').attr('data-pagefind-weight')), paper.file).toBeGreaterThan(7);
      expect(Number($('header .authors').attr('data-pagefind-weight')), paper.file).toBeGreaterThan(1);
    }
  });

  it('links each theme page to search within that theme', () => {
    for (const theme of content.themes) {
      const $ = dist.page(`/${themeId(theme)}/`);
      const href = $('a:contains("Search within this theme")').attr('href') ?? '';
      const url = new URL(href, 'http://site.test');
      expect(url.pathname, theme.file).toBe('/search/');
      expect(url.searchParams.getAll('theme'), theme.file).toEqual([themeId(theme)]);
    }
  });

  it('gives every page a plain search link and a script under 3 KB that loads nothing of search', () => {
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      expect($('header a[data-search-link]').attr('href'), path).toBe('/search/');
      if (path === '/search/') continue;
      const scripts = $('script:not([type="application/ld+json"])');
      const shortcut = scripts.filter((_, s) => $(s).text().includes('data-search-link'));
      expect(shortcut.length, path).toBe(1);
      expect(Buffer.byteLength(shortcut.text()), path).toBeLessThan(3 * 1024);
      for (const s of scripts) {
        const src = $(s).attr('src');
        const code = src ? readFileSync(join(SITES.real.dist, src), 'utf8') : $(s).text();
        expect(code, `${path}: ${src ?? 'inline script'}`).not.toMatch(/pagefind/i);
      }
      expect($('link[href*="pagefind"]').length, path).toBe(0);
    }
  });
});

describe('search over follow-ups', () => {
  const pageOf = (f: RawEntry) => `/follow-ups/${f.conference}/${f.stem}/`;
  const titleOf = (f: RawEntry) => str(f.data['title']);
  const themesOf = (f: RawEntry) => f.data['themes'] as string[];

  it('counts every follow-up under its own type', async () => {
    const counts = (await search.filters())['type'] ?? {};
    expect(counts['followUp']).toBe(content.followUps.length);
  });

  it('finds each follow-up by its title', async () => {
    for (const f of content.followUps) {
      const results = await searchAll(search, titleOf(f), { filters: { type: { any: ['followUp'] } } });
      expect(
        results.slice(0, 3).map((r) => r.url),
        titleOf(f),
      ).toContain(pageOf(f));
    }
  });

  it('lists exactly the follow-ups of a theme under its theme filter', async () => {
    for (const theme of content.themes) {
      const expected = content.followUps
        .filter((f) => f.conference === theme.conference && themesOf(f).includes(theme.stem))
        .map(pageOf)
        .sort();
      const results = await searchAll(search, null, {
        filters: { type: { any: ['followUp'] }, theme: { any: [`${theme.conference}/${theme.stem}`] } },
      });
      expect(results.map((r) => r.url).sort(), theme.stem).toEqual(expected);
    }
  });
});

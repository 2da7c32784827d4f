import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/search-state';
import {
  absoluteUrl,
  ASSETS_DIR,
  asset,
  authorUrl,
  conferenceFeedUrl,
  conferenceUrl,
  paperUrl,
  RESERVED_SEGMENTS,
  RESERVED_THEME_SLUGS,
  ROUTES,
  searchUrl,
  siteFeedUrl,
  sitemapUrl,
  talkUrl,
  themeUrl,
} from '../../src/lib/urls';
import { projectRoot } from '../helpers/build';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('urls at the root', () => {
  it('builds every route shape with a trailing slash', () => {
    vi.stubEnv('BASE_URL', '/');
    expect(conferenceUrl('iclr-2016')).toBe('/iclr-2016/');
    expect(themeUrl('iclr-2016', 'attention')).toBe('/iclr-2016/attention/');
    expect(paperUrl('han2016deep')).toBe('/papers/han2016deep/');
    expect(authorUrl('piotr-dollar')).toBe('/authors/piotr-dollar/');
    expect(talkUrl('iclr-2016', 'dyer-keynote')).toBe('/talks/iclr-2016/dyer-keynote/');
    expect(asset('/favicon.svg')).toBe('/favicon.svg');
  });
});

describe('urls under a sub-path', () => {
  it.each(['/sub/', '/sub'])('prefixes every URL with base %s', (base) => {
    vi.stubEnv('BASE_URL', base);
    expect(conferenceUrl('iclr-2016')).toBe('/sub/iclr-2016/');
    expect(paperUrl('han2016deep')).toBe('/sub/papers/han2016deep/');
    expect(asset('favicon.svg')).toBe('/sub/favicon.svg');
    expect(searchUrl({ theme: ['a b', 'c'], q: 'x&y' })).toBe('/sub/search/?theme=a+b&theme=c&q=x%26y');
  });

  it('encodes ids so no id can escape its segment', () => {
    vi.stubEnv('BASE_URL', '/sub/');
    expect(paperUrl('../x')).toBe('/sub/papers/..%2Fx/');
  });
});

describe('feeds, sitemap and absolute URLs', () => {
  it('puts feeds and the sitemap under the base, and absolute URLs on the site origin', () => {
    vi.stubEnv('BASE_URL', '/sub/');
    vi.stubEnv('SITE', 'https://example.org');
    expect(siteFeedUrl()).toBe('/sub/rss.xml');
    expect(conferenceFeedUrl('iclr-2016')).toBe('/sub/iclr-2016/rss.xml');
    expect(sitemapUrl()).toBe('/sub/sitemap-index.xml');
    expect(absoluteUrl(paperUrl('han2016deep'))).toBe('https://example.org/sub/papers/han2016deep/');
    expect(absoluteUrl('/x/', 'http://localhost:4321')).toBe('http://localhost:4321/x/');
  });

  it('refuses to make an absolute URL without a site origin', () => {
    vi.stubEnv('SITE', '');
    expect(() => absoluteUrl('/x/')).toThrow(/SITE_URL/);
  });
});

/** The names a folder of routes writes: `search.astro` is `search`, `rss.xml.ts` is `rss.xml`; dynamic and index routes write none. */
function staticNames(folder: string): string[] {
  return readdirSync(join(projectRoot, folder))
    .filter((name) => !name.startsWith('[') && !/^index\./.test(name))
    .map((name) => name.replace(/\.(astro|ts|js)$/, ''))
    .sort();
}

describe('reserved names', () => {
  it('are every top-level name the routes, public files, assets and search bundle take', () => {
    const taken = [...staticNames('src/pages'), ...staticNames('public'), SEARCH_BUNDLE_DIR, ASSETS_DIR];
    expect([...RESERVED_SEGMENTS].sort()).toEqual([...new Set(taken)].sort());
  });

  it('are every name a conference folder of routes takes', () => {
    expect([...RESERVED_THEME_SLUGS].sort()).toEqual(staticNames('src/pages/[conference]'));
  });

  it('hold the route table', () => {
    for (const name of [ROUTES.papers, ROUTES.authors, ROUTES.talks, ROUTES.search]) {
      expect(RESERVED_SEGMENTS).toContain(name);
    }
    expect(RESERVED_THEME_SLUGS).toContain(ROUTES.outlook);
  });
});

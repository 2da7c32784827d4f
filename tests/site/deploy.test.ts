/**
 * What a deployer uploads: the real site built at the root and under `BASE_PATH=/digest/`, checked
 * with linkinator (links and fragments), for URLs that escape the base, for feeds, sitemap and
 * robots.txt, and for byte-identical output across two clean builds.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE } from '../../src/lib/deploy-env';
import { outputRoot, realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { checkLinks, DEPLOY_ENV, DEPLOY_SITES, sha256Manifest } from '../helpers/deploy';
import { Dist, FALLBACK_PAGES } from '../helpers/dist';

const content = readContent(realContent);
const { SITE_URL: site, BASE_PATH: base } = DEPLOY_ENV;
const sub = new Dist(DEPLOY_SITES.a.dist);
const read = (dist: string, file: string) => readFileSync(join(dist, file), 'utf8');
const xml = (dist: string, file: string) => load(read(dist, file), { xml: true });

/** The site path (as `Dist` names pages) of an absolute URL on the sub-path build's origin and base. */
function sitePath(url: string): string {
  expect(url.startsWith(`${site}${base}`), url).toBe(true);
  return `/${url.slice(`${site}${base}`.length)}`;
}

/** An external URL a reader could follow: absolute http(s), a dotted host, nothing left unencoded. */
function wellFormed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && /\.[a-z]{2,}$/i.test(parsed.hostname) && !/\s/.test(url);
  } catch {
    return false;
  }
}

describe('link check with linkinator', () => {
  it.each([
    ['at the root', SITES.real.dist, '/', LOCAL_SITE],
    ['under BASE_PATH=/digest/', DEPLOY_SITES.a.dist, base, site],
  ])('finds no broken internal link or #fragment %s, and reaches every page', async (_, dist, atBase, origin) => {
    const report = await checkLinks(dist, { base: atBase, site: origin });
    expect(report.broken).toEqual([]);
    const reached = new Set(report.internal.map((u) => u.split('?')[0]));
    const unreached = new Dist(dist)
      .pages()
      .filter((p) => !FALLBACK_PAGES.includes(p))
      .filter((p) => !reached.has(`${atBase}${p.slice(1)}`));
    expect(unreached).toEqual([]);
    expect(report.internal.filter((u) => !u.startsWith(atBase))).toEqual([]);
    expect(report.external.length).toBeGreaterThan(0);
    expect(report.external.filter((u) => !wellFormed(u))).toEqual([]);
  });

  it('reports a missing page, a missing #fragment and a link that escapes the base', async () => {
    const dist = join(outputRoot, 'deploy-control', 'dist');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(join(dist, 'a'), { recursive: true });
    writeFileSync(join(dist, 'a', 'index.html'), '<!doctype html><title>a</title><h1 id="here">A</h1>');
    writeFileSync(
      join(dist, 'index.html'),
      `<!doctype html><title>home</title>
      <a href="${base}a/#here">fine</a> <a href="${base}missing/">missing</a>
      <a href="${base}a/#nowhere">no fragment</a> <a href="/a/">outside the base</a>`,
    );
    const report = await checkLinks(dist, { base, site });
    expect(report.broken.map((b) => b.split(' ')[0]).sort()).toEqual(
      ['/a/', `${base}a/#nowhere`, `${base}missing/`].sort(),
    );
  });
});

/** Every URL a page, feed, sitemap or stylesheet points to that belongs to this site. */
function ownUrls($: CheerioAPI): string[] {
  const urls: string[] = [];
  $('[href], [src], [action], [poster]').each((_, el) => {
    for (const name of ['href', 'src', 'action', 'poster']) {
      const value = $(el).attr(name);
      if (value !== undefined) urls.push(value);
    }
  });
  $('[srcset]').each((_, el) => {
    for (const candidate of ($(el).attr('srcset') ?? '').split(',')) urls.push(candidate.trim().split(/\s+/)[0] ?? '');
  });
  $('meta[content^="/"], meta[content^="http"]').each((_, el) => {
    urls.push($(el).attr('content') ?? '');
  });
  $('script[type="application/ld+json"]').each((_, el) => {
    urls.push(...(JSON.stringify(JSON.parse($(el).text())).match(/https?:\/\/[^"]+/g) ?? []));
  });
  return urls.filter((u) => u.startsWith('/') || u.startsWith(site));
}

describe('under a sub-path', () => {
  it('keeps every URL of every page, feed, sitemap and stylesheet inside the base', () => {
    const escaped: string[] = [];
    const inside = (from: string, url: string) => {
      const path = url.startsWith(site) ? url.slice(site.length) : url;
      if (!path.startsWith(base) || path.startsWith('//')) escaped.push(`${from}: ${url}`);
    };
    for (const page of sub.pages()) for (const url of ownUrls(sub.page(page))) inside(page, url);
    const xmlFiles = [
      'rss.xml',
      'sitemap-index.xml',
      'sitemap-0.xml',
      ...content.conferences.map((c) => `${c.stem}/rss.xml`),
    ];
    for (const file of xmlFiles) {
      const $ = xml(DEPLOY_SITES.a.dist, file);
      $('link, loc, guid').each((_, el) => inside(file, $(el).text()));
      $('[href]').each((_, el) => inside(file, $(el).attr('href') ?? ''));
    }
    const css = sub.pages().flatMap((p) =>
      sub
        .page(p)('link[rel="stylesheet"]')
        .map((_, l) => sub.page(p)(l).attr('href'))
        .get(),
    );
    for (const sheet of new Set(css)) {
      const text = read(DEPLOY_SITES.a.dist, sheet.slice(base.length));
      for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+)/g)) if (url?.startsWith('/')) inside(sheet, url);
    }
    expect(escaped).toEqual([]);
  });

  it('serves the search bundle from inside the base', () => {
    expect(existsSync(join(DEPLOY_SITES.a.dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const search = read(DEPLOY_SITES.a.dist, 'search/index.html');
    expect(search).toContain(`${base}pagefind/`);
  });
});

describe('feeds, sitemap and robots.txt', () => {
  const outlook = (c: { stem: string }) => existsSync(join(realContent, 'conferences', c.stem, 'outlook.mdx'));
  const editorial = (c: { stem: string }) => [
    `/${c.stem}/`,
    ...content.themes.filter((t) => t.conference === c.stem).map((t) => `/${c.stem}/${t.stem}/`),
    ...(outlook(c) ? [`/${c.stem}/outlook/`] : []),
  ];

  it('gives each conference a feed of its overview, themes and outlook, each linking to a built page', () => {
    for (const c of content.conferences) {
      const $ = xml(DEPLOY_SITES.a.dist, `${c.stem}/rss.xml`);
      const links = $('item > link')
        .map((_, l) => $(l).text())
        .get()
        .map(sitePath);
      expect(links.sort(), c.file).toEqual(editorial(c).sort());
      for (const path of links) expect(sub.has(path), path).toBe(true);
      expect($('channel > link').text()).toBe(`${site}${base}${c.stem}/`);
      expect(sub.page(`/${c.stem}/`)(`link[rel="alternate"][href="${site}${base}${c.stem}/rss.xml"]`)).toHaveLength(1);
    }
  });

  it('has a site feed of every conference, linked from every page', () => {
    const $ = xml(DEPLOY_SITES.a.dist, 'rss.xml');
    const links = $('item > link')
      .map((_, l) => sitePath($(l).text()))
      .get();
    expect(links.sort()).toEqual(content.conferences.flatMap(editorial).sort());
    for (const page of sub.pages()) {
      expect(
        sub.page(page)(`link[rel="alternate"][type="application/rss+xml"][href="${site}${base}rss.xml"]`),
        page,
      ).toHaveLength(1);
    }
  });

  it('dates every item from the content, as a feed reader parses it', () => {
    /** A page's date: its own `published`, else its conference's, else the conference's last day. */
    const day = (value: unknown) =>
      value === undefined ? undefined : new Date(String(value)).toISOString().slice(0, 10);
    for (const c of content.conferences) {
      const dates = c.data['dates'] as { end: unknown };
      const conferenceDay = day(c.data['published']) ?? day(dates.end);
      const expected = new Map<string, string | undefined>([[`/${c.stem}/`, conferenceDay]]);
      for (const t of content.themes.filter((t) => t.conference === c.stem)) {
        expected.set(`/${c.stem}/${t.stem}/`, day(t.data['published']) ?? conferenceDay);
      }
      const feed = parseFeed(readFileSync(join(DEPLOY_SITES.a.dist, c.stem, 'rss.xml'), 'utf8'));
      expect(feed.meta.type).toBe('rss');
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.published, item.url ?? '').toBeInstanceOf(Date);
        const path = sitePath(item.url ?? '');
        if (expected.has(path)) expect(item.published?.toISOString().slice(0, 10), path).toBe(expected.get(path));
      }
    }
    const site = parseFeed(readFileSync(join(DEPLOY_SITES.a.dist, 'rss.xml'), 'utf8'));
    expect(site.items.every((item) => item.published instanceof Date)).toBe(true);
  });

  it('lists in the sitemap every page but the fallback pages, each once, under the base', () => {
    const index = xml(DEPLOY_SITES.a.dist, 'sitemap-index.xml');
    const locs = index('sitemap > loc')
      .map((_, l) => index(l).text())
      .get()
      .flatMap((sitemap) => {
        const $ = xml(DEPLOY_SITES.a.dist, sitePath(sitemap).slice(1));
        return $('url > loc')
          .map((_, l) => sitePath($(l).text()))
          .get();
      });
    expect(locs.sort()).toEqual(sub.pages().filter((p) => !FALLBACK_PAGES.includes(p)));
  });

  it('names the sitemap in robots.txt', () => {
    const lines = read(DEPLOY_SITES.a.dist, 'robots.txt').split('\n');
    expect(lines).toContain(`Sitemap: ${site}${base}sitemap-index.xml`);
    expect(lines).toContain('User-agent: *');
  });
});

describe('the 404 page', () => {
  it('stays out of search engines and only uses URLs that work at any depth', () => {
    for (const dist of [new Dist(SITES.real.dist), sub]) {
      const $ = dist.page('/404.html');
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('link[rel="canonical"]')).toHaveLength(0);
      const relative = $('[href], [src]')
        .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
        .get()
        .filter((u: string) => !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(u));
      expect(relative).toEqual([]);
      expect($('link[rel="stylesheet"]').length).toBeGreaterThan(0);
    }
  });
});

describe('reproducible output', () => {
  it('gives byte-identical dist/ folders for two clean builds (sha256 of every file)', () => {
    const a = sha256Manifest(DEPLOY_SITES.a.dist);
    const b = sha256Manifest(DEPLOY_SITES.b.dist);
    expect(a.length).toBeGreaterThan(sub.pages().length);
    expect(a.some((line) => line.endsWith('  _headers'))).toBe(true);
    expect(a.some((line) => line.includes('  pagefind/'))).toBe(true);
    expect(b).toEqual(a);
  });
});

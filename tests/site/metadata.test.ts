/**
 * The head of every page of the sub-path build: title, description, canonical URL, Open Graph and
 * Twitter tags, and schema.org JSON-LD on every kind of page, checked against `content/`.
 */
import { describe, expect, it } from 'vitest';
import { authorKey } from '../../src/lib/authors';
import { realContent } from '../helpers/build';
import { citedKeys, people, readContent } from '../helpers/content';
import { DEPLOY_ENV, DEPLOY_SITES } from '../helpers/deploy';
import { Dist, FALLBACK_PAGES, isToolPage } from '../helpers/dist';

const content = readContent(realContent);
const persons = people(content.papers);
const dist = new Dist(DEPLOY_SITES.a.dist);
const { SITE_URL: site, BASE_PATH: base } = DEPLOY_ENV;
const absolute = (path: string) => `${site}${base}${path.replace(/^\//, '')}`;
const str = (v: unknown) => String(v);

/** The page's JSON-LD objects, parsed. */
function jsonLd(path: string): Record<string, unknown>[] {
  const $ = dist.page(path);
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Record<string, unknown>);
}

describe('page metadata', () => {
  it('gives every page a title, a description, Open Graph and Twitter tags, and a canonical URL of its own', () => {
    const pages = dist.pages().filter((p) => !FALLBACK_PAGES.includes(p));
    const canonicals = new Set<string>();
    for (const path of pages) {
      const $ = dist.page(path);
      const meta = (selector: string) => $(selector).attr('content') ?? '';
      expect($('title').text().trim(), path).not.toBe('');
      expect(meta('meta[name="description"]'), path).not.toBe('');
      const canonical = $('link[rel="canonical"]').attr('href');
      expect(canonical, path).toBe(absolute(path));
      canonicals.add(canonical ?? '');
      expect(meta('meta[property="og:url"]'), path).toBe(canonical);
      expect(meta('meta[property="og:title"]'), path).not.toBe('');
      expect(meta('meta[property="og:description"]'), path).toBe(meta('meta[name="description"]'));
      expect(meta('meta[property="og:type"]'), path).toMatch(/^(website|article)$/);
      expect(meta('meta[property="og:site_name"]'), path).not.toBe('');
      expect(meta('meta[name="twitter:card"]'), path).toBe('summary');
      expect(meta('meta[name="twitter:title"]'), path).toBe(meta('meta[property="og:title"]'));
    }
    expect(canonicals.size).toBe(pages.length);
  });

  it('describes every paper page as a ScholarlyArticle: title, authors, year, sameAs its arXiv record', () => {
    for (const p of content.papers) {
      const path = `/papers/${p.stem}/`;
      expect(dist.page(path)('meta[property="og:type"]').attr('content'), p.file).toBe('article');
      const [ld, ...rest] = jsonLd(path);
      expect(rest, p.file).toEqual([]);
      expect(ld, p.file).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ScholarlyArticle',
        name: p.data['title'],
        datePublished: str(p.data['year']),
        url: absolute(path),
      });
      const authors = (ld?.['author'] ?? []) as { '@type': string; name: string; url?: string }[];
      expect(
        authors.map((a) => a.name),
        p.file,
      ).toEqual(p.data['authors']);
      for (const a of authors) {
        // A person is linked exactly when they have a page of their own.
        const person = persons.get(authorKey(a.name));
        expect(a.url, a.name).toBe(person?.hasPage ? absolute(`/authors/${authorKey(a.name)}/`) : undefined);
        if (a.url) expect(dist.has(a.url.slice(`${site}${base}`.length - 1)), a.url).toBe(true);
      }
      if (p.data['arxiv']) expect(ld?.['sameAs'], p.file).toBe(`https://arxiv.org/abs/${str(p.data['arxiv'])}`);
    }
  });

  it('describes every theme page as an Article citing the papers of its reference list, in order', () => {
    for (const t of content.themes) {
      const path = `/${t.conference}/${t.stem}/`;
      const [ld] = jsonLd(path);
      expect(ld, t.file).toMatchObject({ '@type': 'Article', headline: t.data['title'], url: absolute(path) });
      const citations = (ld?.['citation'] ?? []) as { '@type': string; url: string }[];
      expect(
        citations.map((c) => c.url),
        t.file,
      ).toEqual(citedKeys(t.body).map((id) => absolute(`/papers/${id}/`)));
      expect(new Set(citations.map((c) => c['@type'])), t.file).toEqual(
        new Set(citations.length > 0 ? ['ScholarlyArticle'] : []),
      );
    }
  });

  it('keeps JSON-LD inside its script element: no <, > or & in the raw text', () => {
    let checked = 0;
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      $('script[type="application/ld+json"]').each((_, el) => {
        const raw = $(el).html() ?? '';
        expect(raw, path).not.toMatch(/[<>&]/);
        checked++;
      });
    }
    // Every page but the fallback and tool pages has one.
    expect(checked).toBe(dist.pages().filter((p) => !FALLBACK_PAGES.includes(p) && !isToolPage(p)).length);
  });
});

describe('structured data on every kind of page', () => {
  /** The schema.org type each page must declare, derived from the content. */
  const expected = new Map<string, string>([
    ['/', 'WebSite'],
    ['/papers/', 'CollectionPage'],
    ['/authors/', 'CollectionPage'],
    ['/talks/', 'CollectionPage'],
    ...content.conferences.map((c): [string, string] => [`/${c.stem}/`, 'CollectionPage']),
    ...content.themes.map((t): [string, string] => [`/${t.conference}/${t.stem}/`, 'Article']),
    ...content.papers.map((p): [string, string] => [`/papers/${p.stem}/`, 'ScholarlyArticle']),
    ...content.talks.map((t): [string, string] => [`/talks/${t.conference}/${t.stem}/`, 'Event']),
    ...content.followUps.map((f): [string, string] => [
      `/follow-ups/${f.conference}/${f.stem}/`,
      f.data['kind'] === 'paper' ? 'ScholarlyArticle' : 'Article',
    ]),
    ...[...persons].filter(([, p]) => p.hasPage).map(([key]): [string, string] => [`/authors/${key}/`, 'ProfilePage']),
  ]);

  it('describes each page once, with the type of what it shows', () => {
    for (const path of dist.pages()) {
      const found = jsonLd(path);
      if (FALLBACK_PAGES.includes(path) || isToolPage(path)) {
        expect(found, path).toEqual([]);
        continue;
      }
      expect(found, path).toHaveLength(1);
      expect(found[0]?.['@context'], path).toBe('https://schema.org');
      const type = expected.get(path) ?? (path.endsWith('/outlook/') ? 'Article' : undefined);
      expect(type, `${path} is a page the content does not call for`).toBeDefined();
      expect(found[0]?.['@type'], path).toBe(type);
    }
  });

  it('dates and signs every article of the digest', () => {
    for (const t of content.themes) {
      const [ld] = jsonLd(`/${t.conference}/${t.stem}/`);
      expect(ld?.['datePublished'], t.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ld?.['author'], t.file).toMatchObject({ '@type': 'Organization', name: 'Conference Digest' });
    }
  });

  it('tells search engines how to search the site', () => {
    const [ld] = jsonLd('/');
    expect(ld?.['potentialAction']).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: `${absolute('/search/')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
  });
});

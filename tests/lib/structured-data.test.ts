import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog';
import { paperJsonLd, themeJsonLd } from '../../src/lib/structured-data';
import type { PaperData } from '../../src/schemas';
import { conferenceEntry, paperEntry, themeEntry } from '../helpers/records';

const conference = conferenceEntry('c1', 2016, {
  name: 'Conference One',
  location: 'San Juan, Puerto Rico',
  website: 'https://example.org/c1',
  summary: 'A digest.',
});
const paper = (id: string, extra: Partial<PaperData> = {}) =>
  paperEntry('c1', id, {
    title: `Title of ${id} </script>`,
    authors: ['Piotr Dollár', 'Ada Lovelace'],
    summary: 'Costs \\$30 and scales as $O(n^2)$.',
    ...extra,
  });
const catalog = () =>
  buildCatalog({
    conferences: [conference],
    outlooks: [],
    papers: [
      paper('p1', { arxiv: '1510.00149' }),
      paper('p2', { links: { abs: 'https://example.com/p2' } }),
      paper('p3', { arxiv: '1512.03385', authors: ['Grace Hopper', 'Ada Lovelace'] }),
    ],
    themes: [themeEntry('c1', 'compression', 'Cites [@p2] then [@p1].', { title: 'Compression' })],
    talks: [],
  });

beforeEach(() => {
  vi.stubEnv('BASE_URL', '/digest/');
  vi.stubEnv('SITE', 'https://example.org');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('paperJsonLd', () => {
  it('describes the paper as a ScholarlyArticle with authors, year and sameAs its arXiv record', () => {
    const ld = paperJsonLd(catalog().paper('p1'));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      name: 'Title of p1 </script>',
      datePublished: '2016',
      sameAs: 'https://arxiv.org/abs/1510.00149',
      url: 'https://example.org/digest/papers/p1/',
      author: [
        { '@type': 'Person', name: 'Piotr Dollár', url: 'https://example.org/digest/authors/piotr-dollar/' },
        { '@type': 'Person', name: 'Ada Lovelace', url: 'https://example.org/digest/authors/ada-lovelace/' },
      ],
    });
  });

  it('links a person only where they have a page', () => {
    expect(paperJsonLd(catalog().paper('p3'))['author']).toEqual([
      { '@type': 'Person', name: 'Grace Hopper' },
      { '@type': 'Person', name: 'Ada Lovelace', url: 'https://example.org/digest/authors/ada-lovelace/' },
    ]);
  });

  it('reads the summary as plain text, formulas as bare TeX', () => {
    expect(paperJsonLd(catalog().paper('p1'))['description']).toBe('Costs $30 and scales as O(n^2).');
  });

  it("falls back to the record's landing page without an arXiv id", () => {
    expect(paperJsonLd(catalog().paper('p2'))['sameAs']).toBe('https://example.com/p2');
  });
});

describe('themeJsonLd', () => {
  it('describes the theme as an Article citing its papers in reference order', () => {
    const ld = themeJsonLd(catalog().themes[0]!);
    expect(ld).toMatchObject({
      '@type': 'Article',
      headline: 'Compression',
      url: 'https://example.org/digest/c1/compression/',
      about: { '@type': 'Event', startDate: '2016-05-02', endDate: '2016-05-04' },
    });
    const citation = ld['citation'] as unknown as { url: string; sameAs: string }[];
    expect(citation.map((c) => c.url)).toEqual([
      'https://example.org/digest/papers/p2/',
      'https://example.org/digest/papers/p1/',
    ]);
    expect(citation[1]?.sameAs).toBe('https://arxiv.org/abs/1510.00149');
  });
});

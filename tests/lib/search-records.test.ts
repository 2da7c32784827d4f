import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog, type CatalogInput } from '../../src/lib/catalog';
import {
  browseLinks,
  facetLabels,
  overviewSearchRecord,
  paperSearchRecord,
  talkSearchRecord,
  themeSearchRecord,
} from '../../src/lib/search-records';
import { parseState } from '../../src/lib/search-state';
import type { PaperData } from '../../src/schemas';
import { conferenceEntry, paperEntry, talkEntry, themeEntry } from '../helpers/records';

const conference = (id: string, year: number) => conferenceEntry(id, year, { shortName: id.toUpperCase() });

const paper = (id: string, conf: string, authors: string[], extra: Partial<PaperData> = {}) =>
  paperEntry(conf, id, {
    authors,
    venue: 'Venue, with a comma',
    track: 'workshop',
    arxiv: '1511.06434',
    summary: 'Summary with $x^2$.',
    ...extra,
  });

const theme = (conf: string, slug: string, body: string) => themeEntry(conf, slug, body, { summary: `Learn ${slug}.` });

const input: CatalogInput = {
  conferences: [conference('c1', 2016), conference('c2', 2017)],
  outlooks: [],
  papers: [
    paper('p1', 'c1', ['Ada Lovelace', 'Émile Borel']),
    paper('p2', 'c1', ['Ada Lovelace'], {
      award: 'Best Paper',
      year: 2015,
      arxiv: undefined,
      links: { abs: 'https://example.org/p2' },
    }),
  ],
  themes: [
    theme('c1', 'a', 'Cites [@p1] and [@p2].'),
    theme('c1', 'b', 'Cites [@p1].'),
    theme('c2', 'a', 'Cites [@p1].'),
  ],
  talks: [talkEntry('c1', 't', { title: 'A talk', kind: 'paper-talk', paper: 'p2', theme: 'b' })],
};

beforeEach(() => {
  vi.stubEnv('BASE_URL', '/sub/');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('search records from the catalog', () => {
  const catalog = buildCatalog(input);

  it('gives a paper every theme that discusses it, across conferences, and its facts', () => {
    const record = paperSearchRecord(catalog.paper('p1'));
    expect(record.filters).toEqual({
      type: ['paper'],
      conference: ['c1'],
      theme: ['c1/a', 'c1/b', 'c2/a'],
      venue: ['Venue, with a comma'],
      track: ['workshop'],
      award: [],
      year: ['2016'],
    });
    expect(record.meta).toEqual({
      title: 'Title of p1',
      paper: 'p1',
      authors: 'Ada Lovelace and Émile Borel',
      arxiv: '1511.06434',
      url: 'https://arxiv.org/abs/1511.06434',
    });
  });

  it('uses the landing page when a paper has no arXiv id, and carries its award', () => {
    const record = paperSearchRecord(catalog.paper('p2'));
    expect(record.filters.award).toEqual(['Best Paper']);
    expect(record.meta['url']).toBe('https://example.org/p2');
    expect(record.meta).not.toHaveProperty('arxiv');
  });

  it('files a theme under itself and a talk under its theme and its paper’s themes', () => {
    const a = catalog.themes.find((t) => t.id === 'c1/a')!;
    expect(themeSearchRecord(a).filters).toMatchObject({ type: ['theme'], theme: ['c1/a'], year: ['2016'] });
    expect(themeSearchRecord(a).meta['summary']).toBe('Learn a.');
    const talk = talkSearchRecord(catalog.talks[0]!);
    expect(talk.filters.theme).toEqual(['c1/b', 'c1/a']);
    expect(talk.meta['authors']).toBe('Ada Lovelace');
  });

  it('describes overview pages with their own title and summary', () => {
    const record = overviewSearchRecord(catalog.conference('c2'));
    expect(record.meta).toEqual({ title: 'C2', summary: 'The c2 digest.' });
    expect(overviewSearchRecord(catalog.conference('c2'), { title: 'Outlook', summary: 'Next.' }).meta['title']).toBe(
      'Outlook',
    );
  });

  it('gives every kind of page one type and its years', () => {
    const records = [
      ...catalog.papers.map(paperSearchRecord),
      ...catalog.themes.map(themeSearchRecord),
      ...catalog.talks.map(talkSearchRecord),
      ...catalog.conferences.map((c) => overviewSearchRecord(c)),
    ];
    for (const r of records) {
      expect(r.filters.type).toHaveLength(1);
      expect(r.filters.year?.length).toBeGreaterThan(0);
      for (const year of r.filters.year ?? []) expect(year).toMatch(/^\d{4}$/);
    }
  });

  it('labels theme ids with their conference only when there are several conferences', () => {
    const labels = facetLabels(catalog);
    expect(labels.theme).toEqual({ 'c1/a': 'Theme a (C1)', 'c1/b': 'Theme b (C1)', 'c2/a': 'Theme a (C2)' });
    expect(labels.conference).toEqual({ c2: 'C2', c1: 'C1' });
    const single = buildCatalog({
      ...input,
      conferences: [conference('c1', 2016)],
      themes: input.themes.filter((t) => t.id.startsWith('c1/')),
    });
    expect(facetLabels(single).theme).toEqual({ 'c1/a': 'Theme a', 'c1/b': 'Theme b' });
  });

  it('links every theme and award into search under the base path', () => {
    const [themes, awards] = browseLinks(catalog);
    expect(themes?.links.map((l) => parseState(new URL(l.href, 'http://x').search).filters.theme)).toEqual(
      catalog.themes.map((t) => [t.id]),
    );
    expect(themes?.links.every((l) => l.href.startsWith('/sub/search/?'))).toBe(true);
    expect(awards?.links).toEqual([{ label: 'Best Paper', href: '/sub/search/?type=paper&award=Best+Paper' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogInput } from '../../src/lib/catalog';
import { identifierOf } from '../../src/lib/hindsight';
import { ContentError } from '../../src/lib/problems';
import {
  catalogInput,
  conferenceEntry,
  followUpEntry,
  forecastEntry,
  outlookEntry,
  paperEntry,
  themeEntry,
} from '../helpers/records';

const reviewed = { hindsightReviewed: new Date('2026-12-01') };
const base = (parts: Partial<CatalogInput> = {}) =>
  catalogInput({
    conferences: [conferenceEntry('c1', 2016, reviewed)],
    outlooks: [outlookEntry('c1')],
    themes: [themeEntry('c1', 'a', 'Cites [@p1].'), themeEntry('c1', 'b', 'Cites [@p2].', { order: 2 })],
    papers: [paperEntry('c1', 'p1', { arxiv: '1510.00149' }), paperEntry('c1', 'p2')],
    ...parts,
  });

function problemsOf(input: CatalogInput) {
  try {
    buildCatalog(input);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => [p.file, p.field, p.found]);
    throw error;
  }
  throw new Error('expected the catalog to fail');
}

describe('follow-ups', () => {
  it('link to their themes and papers, oldest first on every list', () => {
    const catalog = buildCatalog(
      base({
        followUps: [
          followUpEntry('c1', 'late', { date: '2020-05', arxiv: '2005.12872', themes: ['a'], papers: ['p1'] }),
          followUpEntry('c1', 'early', { date: '2016-09', arxiv: '1609.02132', themes: ['a', 'b'], papers: ['p1'] }),
        ],
      }),
    );
    const [a, b] = catalog.conference('c1').themes;
    expect(a!.followUps.map((f) => f.slug)).toEqual(['early', 'late']);
    expect(b!.followUps.map((f) => f.slug)).toEqual(['early']);
    expect(catalog.paper('p1').followUps.map((f) => f.slug)).toEqual(['early', 'late']);
    expect(catalog.paper('p2').followUps).toEqual([]);
    expect(catalog.followUps.map((f) => f.id).sort()).toEqual(['c1/early', 'c1/late']);
  });

  it('report unknown themes and papers, dates before the conference, reused identifiers and digest papers', () => {
    const problems = problemsOf(
      base({
        followUps: [
          followUpEntry('c1', 'x', { themes: ['nope'], papers: ['gone'] }),
          followUpEntry('c1', 'early', { date: '2015-12', arxiv: '1512.03385', themes: ['a'] }),
          followUpEntry('c1', 'twin', { themes: ['a'] }),
          followUpEntry('c1', 'self', { arxiv: '1510.00149', themes: ['a'] }),
        ],
      }),
    );
    expect(problems).toEqual([
      ['content/follow-ups/c1/x.yaml', 'themes', '"nope", which is not a theme of conference "c1"'],
      ['content/follow-ups/c1/x.yaml', 'papers', '"gone", which is not a paper'],
      ['content/follow-ups/c1/early.yaml', 'date', '"2015-12", before the conference (2016-05)'],
      ['content/follow-ups/c1/twin.yaml', 'arxiv', '"1803.03635", which content/follow-ups/c1/x.yaml also has'],
      ['content/follow-ups/c1/self.yaml', 'arxiv', '"1510.00149", the paper "p1" of the digest itself'],
    ]);
  });

  it('treat DOIs that differ only in case as one work', () => {
    const problems = problemsOf(
      base({
        followUps: [
          followUpEntry('c1', 'one', { arxiv: undefined, doi: '10.1038/nature24270', themes: ['a'] }),
          followUpEntry('c1', 'two', { arxiv: undefined, doi: '10.1038/NATURE24270', themes: ['b'] }),
        ],
      }),
    );
    expect(problems).toEqual([
      ['content/follow-ups/c1/two.yaml', 'doi', '"10.1038/NATURE24270", which content/follow-ups/c1/one.yaml also has'],
    ]);
  });

  it('need a review date on the conference', () => {
    const problems = problemsOf(
      base({
        conferences: [conferenceEntry('c1', 2016)],
        followUps: [followUpEntry('c1', 'x', { themes: ['a'] })],
      }),
    );
    expect(problems).toEqual([['content/conferences/c1/index.mdx', 'hindsightReviewed', 'no review date']]);
  });
});

describe('forecasts', () => {
  it('come in the order the source makes them', () => {
    const catalog = buildCatalog(
      base({ forecasts: [forecastEntry('c1', 'second', { order: 2 }), forecastEntry('c1', 'first', { order: 1 })] }),
    );
    expect(catalog.conference('c1').forecasts.map((f) => f.slug)).toEqual(['first', 'second']);
  });

  it('report a shared position, repeated evidence and a digest without an outlook', () => {
    const evidence = { title: 'E', date: '2017-04', arxiv: '1704.04861', what: 'Shows it.' };
    const problems = problemsOf(
      base({
        outlooks: [],
        forecasts: [
          forecastEntry('c1', 'one'),
          forecastEntry('c1', 'two', { evidence: [evidence, { ...evidence, title: 'Again' }] }),
        ],
      }),
    );
    expect(problems).toEqual([
      ['content/forecasts/c1/one.yaml', 'file name', 'a forecast of a digest without an outlook'],
      ['content/forecasts/c1/two.yaml', 'file name', 'a forecast of a digest without an outlook'],
      ['content/forecasts/c1/two.yaml', 'order', '1, which content/forecasts/c1/one.yaml also has'],
      ['content/forecasts/c1/two.yaml', 'evidence', '"Again" twice'],
    ]);
  });
});

describe('identifierOf', () => {
  it('links an arXiv id, a DOI and an announcement', () => {
    expect(identifierOf({ arxiv: '1803.03635' })).toMatchObject({
      label: 'arXiv:1803.03635',
      href: 'https://arxiv.org/abs/1803.03635',
    });
    expect(identifierOf({ doi: '10.1038/nature24270' })).toMatchObject({
      label: 'doi:10.1038/nature24270',
      href: 'https://doi.org/10.1038/nature24270',
    });
    expect(identifierOf({ url: 'https://www.nobelprize.org/prizes/chemistry/2024/' })).toMatchObject({
      label: 'nobelprize.org',
      href: 'https://www.nobelprize.org/prizes/chemistry/2024/',
    });
  });
});

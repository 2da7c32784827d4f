import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog';
import { formatMonth } from '../../src/lib/format';
import { aroundMonth, arxivMonth, arxivMonths, glanceRows, trackBars } from '../../src/lib/glance';
import type { PaperData } from '../../src/schemas';
import { catalogInput, conferenceEntry, paperEntry, themeEntry } from '../helpers/records';

const C = 'c2016';
const paper = (id: string, data: Partial<PaperData> = {}) => paperEntry(C, id, data);

function conference() {
  const catalog = buildCatalog(
    catalogInput({
      conferences: [conferenceEntry(C)],
      themes: [
        themeEntry(C, 'one', 'See [@b] and [@a].', { order: 1, title: 'One' }),
        themeEntry(C, 'two', 'See [@a; @c].', { order: 2, title: 'Two' }),
        themeEntry(C, 'none', 'No citation here.', { order: 3, title: 'None' }),
      ],
      papers: [
        paper('a', { track: 'conference', award: 'Best Paper', arxiv: '1510.00149' }),
        paper('b', { track: 'workshop', arxiv: '1511.06434' }),
        paper('c', { track: 'other', arxiv: '1512.03385' }),
        paper('d', { track: 'conference' }),
      ],
    }),
  );
  return catalog.conference(C);
}

describe('glanceRows', () => {
  it('gives each citing theme a row of its papers in reference order, with counts per track and awards', () => {
    const rows = glanceRows(conference());
    expect(rows.map((r) => [r.theme?.slug, r.papers.map((p) => p.id), r.counts, r.awards])).toEqual([
      ['one', ['b', 'a'], { conference: 1, workshop: 1, other: 0 }, 1],
      ['two', ['a', 'c'], { conference: 1, workshop: 0, other: 1 }, 1],
      [undefined, ['d'], { conference: 1, workshop: 0, other: 0 }, 0],
    ]);
    expect(rows.every((r) => !r.aggregated)).toBe(true);
  });

  it('shows counts instead of marks beyond the limit', () => {
    expect(glanceRows(conference(), 1).map((r) => r.aggregated)).toEqual([true, true, false]);
  });
});

describe('arxivMonths', () => {
  it('reads the month from the id', () => {
    expect(arxivMonth('1510.00149')).toBe('2015-10');
    expect(arxivMonth('0704.0001')).toBe('2007-04');
    expect(formatMonth('2015-11')).toBe('Nov 2015');
  });

  it('counts every month from the first paper to the last, empty ones included, and those without an id', () => {
    const { papers } = conference();
    expect(arxivMonths(papers)).toEqual({
      bins: [
        { month: '2015-10', count: 1 },
        { month: '2015-11', count: 1 },
        { month: '2015-12', count: 1 },
      ],
      counted: 3,
      without: 1,
    });
  });

  it("stretches the months to the deadline's", () => {
    const { bins } = arxivMonths(conference().papers, new Date('2016-02-19'));
    expect(bins.map((b) => b.month)).toEqual(['2015-10', '2015-11', '2015-12', '2016-01', '2016-02']);
    expect(bins.at(-1)?.count).toBe(0);
  });
});

describe('aroundMonth and trackBars', () => {
  it('counts the papers before, in and after a month', () => {
    const { bins } = arxivMonths(conference().papers);
    expect(aroundMonth(bins, '2015-11')).toEqual({ before: 1, during: 1, after: 1 });
    expect(aroundMonth(bins, '2016-02')).toEqual({ before: 3, during: 0, after: 0 });
  });

  it('lays the tracks of a row end to end, scaled to the widest row', () => {
    const [row] = glanceRows(conference());
    expect(trackBars(row!, 4, 100)).toEqual([
      { track: 'conference', x: 0, w: 25 },
      { track: 'workshop', x: 25, w: 25 },
      { track: 'other', x: 50, w: 0 },
    ]);
  });
});

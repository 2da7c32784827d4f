import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog';
import { RELATED_LIMIT, relatedPapers } from '../../src/lib/related';
import { catalogInput, conferenceEntry, paperEntry, themeEntry } from '../helpers/records';

const C = 'c2016';

/** Related paper ids and reasons of one paper. */
function relatedOf(themes: ReturnType<typeof themeEntry>[], papers: ReturnType<typeof paperEntry>[], id: string) {
  const catalog = buildCatalog(catalogInput({ conferences: [conferenceEntry(C)], themes, papers }));
  return (relatedPapers(catalog).get(id) ?? []).map((r) => [r.paper.id, r.reason]);
}

const paper = (id: string, authors = [`Author of ${id}`], title = `Title of ${id}`) =>
  paperEntry(C, id, { title, authors });

describe('relatedPapers', () => {
  it('ranks the same paragraph over the same section over the same theme over shared authors', () => {
    const body = [
      '## Pruning',
      '',
      'First [@a; @b], then more.',
      '',
      'Later [@c].',
      '',
      '## Other',
      '',
      'Elsewhere [@d].',
    ].join('\n');
    const papers = [paper('a', ['Song Han']), paper('b'), paper('c'), paper('d'), paper('e', ['Song Han'])];
    expect(relatedOf([themeEntry(C, 't', body, { title: 'Compressing networks' })], papers, 'a')).toEqual([
      ['b', 'cited alongside it in Compressing networks'],
      ['c', 'discussed in the same section of Compressing networks'],
      ['d', 'also discussed in Compressing networks'],
      ['e', 'shares an author, Song Han'],
    ]);
  });

  it('counts a citation group, a list or a paragraph as one block, and never lists the paper itself', () => {
    const body = 'Both [@a] and again [@a] with [@b].\n\n- one [@c]\n- two [@a]\n';
    const papers = [paper('a'), paper('b'), paper('c')];
    expect(relatedOf([themeEntry(C, 't', body, { title: 'T' })], papers, 'a')).toEqual([
      ['b', 'cited alongside it in T'],
      ['c', 'cited alongside it in T'],
    ]);
  });

  it('puts a pair related in two themes before one related in one, then orders by title', () => {
    const papers = [
      paper('a'),
      paper('b', undefined, 'Zebra'),
      paper('c', undefined, 'Apple'),
      paper('d', undefined, 'Mango'),
    ];
    const themes = [
      themeEntry(C, 't1', 'One [@a; @b].\n\nTwo [@c] [@d].', { title: 'T1', order: 1 }),
      themeEntry(C, 't2', 'Three [@a; @b].', { title: 'T2', order: 2 }),
    ];
    expect(relatedOf(themes, papers, 'a')).toEqual([
      ['b', 'cited alongside it in T1'],
      ['c', 'also discussed in T1'],
      ['d', 'also discussed in T1'],
    ]);
  });

  it('names every shared author, in the order of the paper', () => {
    const papers = [
      paper('a', ['Ann One', 'Bob Two', 'Cy Three']),
      paper('b', ['Cy Three', 'Ann One']),
      paper('c', ['Bob Two']),
    ];
    expect(relatedOf([], papers, 'a')).toEqual([
      ['b', 'shares 2 authors, Ann One and Cy Three'],
      ['c', 'shares an author, Bob Two'],
    ]);
  });

  it(`lists at most ${RELATED_LIMIT}, the same way every time`, () => {
    const ids = Array.from({ length: RELATED_LIMIT + 4 }, (_, i) => `p${i}`);
    const papers = ids.map((id, i) => paper(id, undefined, `Title ${String.fromCharCode(90 - i)}`));
    const body = `All of them [${ids.map((id) => `@${id}`).join('; ')}].`;
    const first = relatedOf([themeEntry(C, 't', body)], papers, 'p0');
    expect(first).toHaveLength(RELATED_LIMIT);
    expect(first.map(([id]) => id)).toEqual([...ids].reverse().slice(0, RELATED_LIMIT));
    expect(relatedOf([themeEntry(C, 't', body)], [...papers].reverse(), 'p0')).toEqual(first);
  });

  it('leaves the catalog as it was: reference lists keep their citation order', () => {
    const papers = [paper('a', undefined, 'Zed'), paper('b', undefined, 'Alpha'), paper('c', undefined, 'Mid')];
    const catalog = buildCatalog(
      catalogInput({ conferences: [conferenceEntry(C)], themes: [themeEntry(C, 't', '[@a] [@b]\n\n[@c]')], papers }),
    );
    relatedPapers(catalog);
    expect(catalog.themes[0]?.papers.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing to a paper with no relation', () => {
    const papers = [paper('a'), paper('b')];
    expect(relatedOf([themeEntry(C, 't', 'Only [@b].')], papers, 'a')).toEqual([]);
    const catalog = buildCatalog(catalogInput({ conferences: [conferenceEntry(C)], papers }));
    expect(relatedPapers(catalog).has('a')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AUTHOR_PAGE_MIN_PAPERS, buildCatalog, type CatalogInput } from '../../src/lib/catalog';
import { ContentError } from '../../src/lib/problems';
import type { PaperData } from '../../src/schemas';
import { catalogInput, conferenceEntry, paperEntry, talkEntry, themeEntry } from '../helpers/records';

const paper = (id: string, authors: string[], extra: Partial<PaperData> = {}) =>
  paperEntry('c1', id, { authors, ...extra });
const theme = (slug: string, order: number, body: string, conf = 'c1') => themeEntry(conf, slug, body, { order });

function input(overrides: Partial<CatalogInput> = {}): CatalogInput {
  return catalogInput({
    conferences: [conferenceEntry('c1', 2016), conferenceEntry('c2', 2017)],
    papers: [
      paper('p1', ['Piotr Dollar', 'Ada Lovelace']),
      paper('p2', ['Piotr Dollár'], { award: 'Best Paper' }),
      paper('p3', ['Niko Sunderhauf']),
    ],
    themes: [
      theme('second', 2, 'Cites [@p2] then [@p1; @p2].'),
      theme('first', 1, 'Cites [@p1].'),
      theme('other', 1, 'Cross-conference [@p3].', 'c2'),
    ],
    talks: [talkEntry('c1', 'k', { title: 'K', kind: 'paper-talk', paper: 'p1', theme: 'first' })],
    ...overrides,
  });
}

describe('buildCatalog', () => {
  const catalog = buildCatalog(input());

  it('orders themes and links neighbours within a conference', () => {
    const c1 = catalog.conference('c1');
    expect(c1.themes.map((t) => t.slug)).toEqual(['first', 'second']);
    expect(c1.themes[0]!.next?.slug).toBe('second');
    expect(c1.themes[1]!.prev?.slug).toBe('first');
    expect(c1.themes[1]!.next).toBeUndefined();
  });

  it('derives reference lists in order of first citation', () => {
    const second = catalog.themes.find((t) => t.slug === 'second')!;
    expect(second.papers.map((p) => p.id)).toEqual(['p2', 'p1']);
  });

  it('derives "discussed in" the other way round, with numbers and anchors', () => {
    expect(catalog.paper('p1').discussedIn.map((d) => [d.theme.id, d.number, d.anchor])).toEqual([
      ['c1/first', 1, 'cite-p1-1'],
      ['c1/second', 2, 'cite-p1-1'],
    ]);
    expect(catalog.paper('p3').discussedIn.map((d) => d.theme.id)).toEqual(['c2/other']);
  });

  it('makes one person of spellings that differ only in diacritics', () => {
    const dollar = catalog.authors.filter((a) => a.slug === 'piotr-dollar');
    expect(dollar).toHaveLength(1);
    expect(dollar[0]!.name).toBe('Piotr Dollár');
    expect(dollar[0]!.spellings.sort()).toEqual(['Piotr Dollar', 'Piotr Dollár']);
    expect(dollar[0]!.papers.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(catalog.paper('p1').authors.map((a) => a.slug)).toEqual(['piotr-dollar', 'ada-lovelace']);
  });

  it('gives a page only to people with enough papers for it to say more than a paper page', () => {
    for (const author of catalog.authors) {
      expect(author.hasPage, author.name).toBe(author.papers.length >= AUTHOR_PAGE_MIN_PAPERS);
    }
    expect(catalog.authors.some((a) => a.hasPage)).toBe(true);
    expect(catalog.authors.some((a) => !a.hasPage)).toBe(true);
  });

  it('collects awards and resolves talks', () => {
    expect(catalog.conference('c1').awards.map((p) => p.id)).toEqual(['p2']);
    expect(catalog.paper('p1').talks.map((t) => t.slug)).toEqual(['k']);
    expect(catalog.themes.find((t) => t.slug === 'first')!.talks).toHaveLength(1);
  });
});

describe('broken references', () => {
  function errorOf(overrides: Partial<CatalogInput>): ContentError {
    try {
      buildCatalog(input(overrides));
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
    throw new Error('expected the catalog to fail');
  }

  it('names both ends of a dangling citation', () => {
    const error = errorOf({ themes: [theme('first', 1, 'See [@nope].')] });
    expect(error.problems).toEqual([
      {
        severity: 'error',
        file: 'content/themes/c1/first.mdx',
        entry: 'theme "c1/first"',
        field: 'body',
        line: 1,
        found: '[@nope]',
        expected:
          'the id of a paper record, but it cites unknown paper "nope": add papers/<conference>/nope.yaml or fix the key',
        refers: { collection: 'papers', id: 'nope' },
      },
    ]);
    expect(error.message).toContain(
      'content/themes/c1/first.mdx:1: theme "c1/first", body: found [@nope], expected: the id of a paper record',
    );
  });

  it('reports every problem at once', () => {
    const error = errorOf({
      themes: [
        theme('first', 1, 'See [@nope], [@Bad Key]\nand [@nope; @p1], [not [@p1]](https://example.org).'),
        theme('x', 2, 'ok', 'missing'),
      ],
      talks: [talkEntry('c1', 't', { theme: 'absent', paper: 'gone' })],
    });
    expect(error.problems.map((p) => [p.file, p.line, p.field, p.found])).toEqual([
      ['content/themes/c1/first.mdx', 1, 'body', '[@Bad Key]'],
      ['content/themes/c1/first.mdx', 2, 'body', '[@p1]'],
      ['content/themes/c1/first.mdx', 1, 'body', '[@nope]'],
      ['content/themes/missing/x.mdx', undefined, 'folder name', '"missing", which is not a conference'],
      ['content/talks/c1/t.yaml', undefined, 'theme', '"absent", which is not a theme of conference "c1"'],
      ['content/talks/c1/t.yaml', undefined, 'paper', '"gone", which is not a paper'],
    ]);
    expect(error.message).toMatch(/"Bad Key" is not a paper id/);
    expect(error.message).toMatch(/a link cannot hold another/);
    expect(error.message).toMatch(/expected: the folder of a conference .*: "c1", "c2"/);
    expect(error.message).toMatch(/expected: one of its themes: "first"$/m);
  });

  it('refuses two files with the same paper id, naming both', () => {
    const twin = paperEntry('c2', 'p1');
    const error = errorOf({ papers: [...input().papers, twin] });
    expect(error.problems.map((p) => [p.file, p.field])).toEqual([
      ['content/papers/c1/p1.yaml', 'file name'],
      ['content/papers/c2/p1.yaml', 'file name'],
    ]);
    expect(error.problems[0]!.found).toBe('"p1", which content/papers/c2/p1.yaml also has');
  });

  it('refuses a conference id that would shadow a route', () => {
    const error = errorOf({
      conferences: [conferenceEntry('c1', 2016), conferenceEntry('c2', 2017), conferenceEntry('pagefind', 2018)],
    });
    expect(error.problems.map((p) => [p.file, p.field, p.found])).toEqual([
      ['content/conferences/pagefind/index.mdx', 'folder name', '"pagefind", a name the site uses for its own pages'],
    ]);
  });

  it('refuses a theme that would take the name of a conference page', () => {
    const error = errorOf({ themes: [...input().themes, theme('outlook', 3, 'Cites [@p1].')] });
    expect(error.problems.map((p) => [p.file, p.field])).toEqual([['content/themes/c1/outlook.mdx', 'file name']]);
  });
});

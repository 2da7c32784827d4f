import { describe, expect, it } from 'vitest';
import { citationAnchor, citedKeys, readCitations, referenceAnchor } from '../../src/lib/citations';

describe('readCitations', () => {
  it('finds single and grouped citations with their lines and offsets', () => {
    const body = 'Intro.\n\nPruning [@han2016deep] and\nbinarisation [@lin2016neural; @dettmers2016eight].';
    const { citations, problems } = readCitations(body);
    expect(problems).toEqual([]);
    expect(citations.map((c) => [c.keys, c.line])).toEqual([
      [['han2016deep'], 3],
      [['lin2016neural', 'dettmers2016eight'], 4],
    ]);
    const [first] = citations;
    expect(first!.node.value.slice(first!.start, first!.end)).toBe('[@han2016deep]');
  });

  it('ignores brackets that are not citations', () => {
    expect(readCitations('an interval [0, 1] and a [link](https://example.org)')).toEqual({
      citations: [],
      problems: [],
    });
  });

  it('reports every malformed group, saying what is wrong with it', () => {
    const { citations, problems } = readCitations('see [@Han 2016]\n\nand [@a; b] but [@ok].');
    expect(citations.map((c) => c.keys)).toEqual([['ok']]);
    expect(problems.map((p) => [p.raw, p.line])).toEqual([
      ['[@Han 2016]', 1],
      ['[@a; b]', 3],
    ]);
    expect(problems[0]!.expected).toContain('"Han 2016" is not a paper id');
    expect(problems[1]!.expected).toContain('"b" lacks its @');
  });

  it('refuses a citation inside a link, where it would nest a link in a link', () => {
    for (const body of ['[see [@a]](https://example.org)', '[see *[@a]*][ref]\n\n[ref]: https://example.org']) {
      const { citations, problems } = readCitations(body);
      expect(citations, body).toEqual([]);
      expect(
        problems.map((p) => p.raw),
        body,
      ).toEqual(['[@a]']);
      expect(problems[0]!.expected).toMatch(/a link cannot hold another/);
    }
  });

  it('skips code and math, where [@...] is literal, as the compiler reads them', () => {
    const body = [
      'Real [@a].',
      '```md',
      'Write [@example] to cite.',
      '```',
      'Inline `[@code]` and $[@math]$ and',
      '',
      '$$',
      '[@display]',
      '$$',
      '',
      'then [@b] and [@a].',
    ].join('\n');
    expect(citedKeys(readCitations(body))).toEqual(['a', 'b']);
  });

  it('lists each key once, in order of first appearance', () => {
    expect(citedKeys(readCitations('First [@b], then [@a; @b], then [@c] and [@a] again.'))).toEqual(['b', 'a', 'c']);
  });

  it('throws the compiler’s own message on invalid MDX', () => {
    expect(() => readCitations('Files below <5 MB [@a].')).toThrow(/Unexpected character `5`/);
  });
});

describe('anchors', () => {
  it('gives each reference and each citation occurrence its own id', () => {
    expect(referenceAnchor('han2016deep')).toBe('ref-han2016deep');
    expect(citationAnchor('han2016deep', 2)).toBe('cite-han2016deep-2');
  });

  it('says which top-level block and which section holds each citation', () => {
    const body = 'Intro [@a].\n\n## First *part*\n\nOne [@b] and [@c].\n\n- item [@d]\n\n### Deeper\n\n> quoted [@e]\n';
    const { citations } = readCitations(body);
    expect(citations.map((c) => [c.keys[0], c.block, c.section])).toEqual([
      ['a', 0, undefined],
      ['b', 2, 'First part'],
      ['c', 2, 'First part'],
      ['d', 3, 'First part'],
      ['e', 5, 'Deeper'],
    ]);
  });
});

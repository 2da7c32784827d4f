import { describe, expect, it } from 'vitest';
import {
  CitationSyntaxError,
  citationAnchor,
  extractCitations,
  findCitationGroups,
  referenceAnchor,
} from '../../src/lib/citations';

describe('findCitationGroups', () => {
  it('finds single and grouped citations with their offsets', () => {
    const text = 'Pruning [@han2016deep] and binarisation [@lin2016neural; @dettmers2016eight].';
    const groups = findCitationGroups(text);
    expect(groups.map((g) => g.keys)).toEqual([['han2016deep'], ['lin2016neural', 'dettmers2016eight']]);
    expect(text.slice(groups[0]!.index, groups[0]!.index + groups[0]!.raw.length)).toBe('[@han2016deep]');
  });

  it('ignores brackets that are not citations', () => {
    expect(findCitationGroups('an interval [0, 1] and a [link](https://example.org)')).toEqual([]);
  });

  it('rejects a malformed key instead of leaving it as text', () => {
    expect(() => findCitationGroups('see [@Han 2016]')).toThrow(CitationSyntaxError);
    expect(() => findCitationGroups('see [@a; b]')).toThrow(/"b" is not a paper id/);
  });
});

describe('extractCitations', () => {
  it('lists each key once, in order of first appearance', () => {
    const body = 'First [@b], then [@a; @b], then [@c] and [@a] again.';
    expect(extractCitations(body)).toEqual(['b', 'a', 'c']);
  });

  it('skips code and math, where [@...] is literal', () => {
    const body = [
      'Real [@a].',
      '```md',
      'Write [@example] to cite.',
      '```',
      'Inline `[@code]` and $[@math]$ and',
      '$$',
      '[@display]',
      '$$',
      'then [@b].',
    ].join('\n');
    expect(extractCitations(body)).toEqual(['a', 'b']);
  });
});

describe('anchors', () => {
  it('gives each reference and each citation occurrence its own id', () => {
    expect(referenceAnchor('han2016deep')).toBe('ref-han2016deep');
    expect(citationAnchor('han2016deep', 2)).toBe('cite-han2016deep-2');
  });
});

import { describe, expect, it } from 'vitest';
import {
  emptyState,
  FACETS,
  hasCriteria,
  parseState,
  selectedFacets,
  serializeState,
  toPagefindFilters,
} from '../../src/lib/search-state';

describe('search state in the address bar', () => {
  it('reads the query and several values per facet', () => {
    const state = parseState('?q=+low+rank+&theme=c1%2Fa&theme=c1%2Fb&track=workshop');
    expect(state.query).toBe('low rank');
    expect(state.filters.theme).toEqual(['c1/a', 'c1/b']);
    expect(state.filters.track).toEqual(['workshop']);
  });

  it('ignores unknown keys (such as an old link’s sort), empty and repeated values', () => {
    const state = parseState('?x=1&theme=&theme=a&theme=a&type=+&sort=year');
    expect(state.filters.theme).toEqual(['a']);
    expect(state.filters.type).toEqual([]);
    expect(serializeState(state)).toBe('?theme=a');
    expect(hasCriteria(state)).toBe(true);
    expect(hasCriteria(parseState('?x=1'))).toBe(false);
  });

  it('writes the same state back, keys in a fixed order', () => {
    const state = parseState('?track=workshop&q=attention&award=Best+Paper&theme=c1%2Fa');
    const written = serializeState(state);
    expect(written).toBe('?q=attention&theme=c1%2Fa&track=workshop&award=Best+Paper');
    expect(parseState(written)).toEqual(state);
    expect(serializeState(emptyState())).toBe('');
  });

  it('round-trips values with commas, quotes, ampersands and non-Latin text', () => {
    const state = emptyState();
    state.query = 'naïve "exact" & more';
    state.filters.venue = ['A, B & C', 'Ünïcode 会议'];
    expect(parseState(serializeState(state))).toEqual(state);
  });
});

describe('Pagefind filters from a state', () => {
  it('ORs values within a facet and ANDs facets', () => {
    const state = parseState('?theme=a&theme=b&track=workshop');
    expect(toPagefindFilters(state.filters)).toEqual({ theme: { any: ['a', 'b'] }, track: { any: ['workshop'] } });
  });

  it('leaves one facet out for its own disjunctive counts', () => {
    const state = parseState('?theme=a&theme=b&track=workshop');
    expect(toPagefindFilters(state.filters, 'theme')).toEqual({ track: { any: ['workshop'] } });
    expect(selectedFacets(state)).toEqual(['theme', 'track']);
  });

  it('has a filter key for every facet and none that Pagefind reserves', () => {
    for (const reserved of ['any', 'all', 'none', 'not']) expect(FACETS).not.toContain(reserved);
  });
});

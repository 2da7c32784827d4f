/**
 * The state of a search as the address bar carries it (`?q=...&theme=...&track=...`), and its
 * translation into Pagefind's filter syntax. Shared by the search page's script, the pages that
 * link into search, and the tests; no DOM and no Astro here.
 */

/** Folder of the search bundle inside the built site (`dist/pagefind/`), under the deploy base. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Pagefind's ranking, tuned for this site's mix of short pages (authors, talks) and long ones
 * (papers, themes): a weaker page-length bias than the default 0.75, so a paper outranks the
 * shorter talk page that repeats its title. https://pagefind.app/docs/ranking/
 */
export const SEARCH_RANKING = { pageLength: 0.5 } as const;

/** Filter keys every indexed page may carry, in the order the search page shows them. */
export const FACETS = ['type', 'theme', 'track', 'award', 'conference', 'venue', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** The heading of each facet group on the search page. */
export const FACET_TITLES: Record<Facet, string> = {
  type: 'Type',
  theme: 'Theme',
  track: 'Track',
  award: 'Award',
  conference: 'Conference',
  venue: 'Venue',
  year: 'Year',
};

export interface SearchState {
  /** What the reader typed, trimmed; empty when browsing by filters alone. */
  query: string;
  /** Selected values per facet: several values of one facet match any of them (OR). */
  filters: Record<Facet, string[]>;
}

export const isFacet = (key: string): key is Facet => (FACETS as readonly string[]).includes(key);

/** A state with nothing selected. */
export function emptyState(): SearchState {
  return {
    query: '',
    filters: { type: [], theme: [], track: [], award: [], conference: [], venue: [], year: [] },
  };
}

/** Reads a state from a query string (`?q=a&theme=x&theme=y`); unknown keys are ignored. */
export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.query = (params.get('q') ?? '').trim();
  for (const [key, raw] of params) {
    const value = raw.trim();
    if (isFacet(key) && value !== '' && !state.filters[key].includes(value)) state.filters[key].push(value);
  }
  return state;
}

/** The query string of a state, `?`-prefixed, or `''` for the empty state. Keys in a fixed order. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  const qs = params.toString();
  return qs === '' ? '' : `?${qs}`;
}

/** Whether the state asks for anything: a query or at least one filter value. */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || FACETS.some((f) => state.filters[f].length > 0);
}

/** Facets with at least one selected value. */
export function selectedFacets(state: SearchState): Facet[] {
  return FACETS.filter((f) => state.filters[f].length > 0);
}

export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

/**
 * Pagefind filters for the selected values: OR within a facet (`any`), AND across facets.
 * `except` leaves one facet out, which is how that facet's own counts stay disjunctive.
 */
export function toPagefindFilters(filters: Record<Facet, string[]>, except?: Facet): PagefindFilters {
  const out: PagefindFilters = {};
  for (const facet of FACETS) {
    if (facet !== except && filters[facet].length > 0) out[facet] = { any: [...filters[facet]] };
  }
  return out;
}

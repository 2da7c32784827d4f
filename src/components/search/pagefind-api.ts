/**
 * Types for the part of Pagefind's browser API (`pagefind/pagefind.js`, written by the build) that
 * the search page and the tests use. The npm package types only its indexing API.
 * https://pagefind.app/docs/api/
 */
import type { PagefindFilters } from '../../lib/search-state';

/** Counts per filter value, per filter key. */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

export interface PagefindResultData {
  /** The page's URL, `baseUrl` in front. */
  url: string;
  /** Text around the matches, HTML-escaped, matches in `<mark>`. */
  excerpt: string;
  /** The page's indexed text. */
  content: string;
  meta: Partial<Record<string, string>>;
  filters: Partial<Record<string, string[]>>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Results per value if that value were added to the current filters. */
  filters: FilterCounts;
  /** Results per value if that value were the only filter. */
  totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Partial<Record<string, 'asc' | 'desc'>>;
}

export interface PagefindOptions {
  /** Where the bundle is served, e.g. `/digest/pagefind/`. */
  basePath?: string;
  /** Prefixed to every result URL: the site's deploy base. */
  baseUrl?: string;
  excerptLength?: number;
  ranking?: Partial<Record<'pageLength' | 'termFrequency' | 'termSaturation' | 'termSimilarity', number>>;
}

export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
  /** `null` as the term filters without searching. Resolves to null when a newer search superseded it. */
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  destroy(): Promise<void>;
}

/** The module itself: the API on a shared instance, and `createInstance` for independent ones. */
export interface PagefindModule extends PagefindApi {
  createInstance(options: PagefindOptions): Omit<PagefindApi, 'options'> & { init(): Promise<void> };
}

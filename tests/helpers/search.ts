/**
 * Runs the built site's own search bundle (`dist/pagefind/pagefind.js`, Pagefind's browser API) in
 * Node against the site served over HTTP, so index tests query exactly what a reader's browser does.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  PagefindModule,
  PagefindResultData,
  PagefindSearchOptions,
} from '../../src/components/search/pagefind-api';
import { SEARCH_BUNDLE_DIR, SEARCH_RANKING } from '../../src/lib/search-state';
import type { StaticServer } from './serve';

export type SiteSearch = ReturnType<PagefindModule['createInstance']>;

/** A Pagefind instance reading the bundle of `dist` from the server that serves it, ranked as the site ranks. */
export async function openSearch(dist: string, server: StaticServer): Promise<SiteSearch> {
  const module: PagefindModule = await import(pathToFileURL(join(dist, SEARCH_BUNDLE_DIR, 'pagefind.js')).href);
  return module.createInstance({
    basePath: server.at(`${SEARCH_BUNDLE_DIR}/`),
    baseUrl: new URL(server.url).pathname,
    ranking: SEARCH_RANKING,
  });
}

/** Every result of a search, best first, with its data loaded. */
export async function searchAll(
  search: SiteSearch,
  term: string | null,
  options: PagefindSearchOptions = {},
): Promise<PagefindResultData[]> {
  const response = await search.search(term, options);
  if (!response) throw new Error(`search for ${JSON.stringify(term)} was superseded`);
  return Promise.all(response.results.map((r) => r.data()));
}

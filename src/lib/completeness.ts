/**
 * Nothing lost: what the built site must hold for the content it was built from. Every entity has
 * its page, in the sitemap, and (but for author pages) in the search index, and neither the
 * sitemap nor the index lists a page that does not exist. Pure: the build step
 * (`integrations/completeness.ts`) reads `dist/` and asks this.
 */
import type { Catalog } from './catalog';
import { pagePaths } from './urls';

/** A page the content calls for. */
export interface ExpectedPage {
  /** Its path relative to the base, decoded as a file name is, e.g. `papers/han2016deep/`. */
  path: string;
  /** What it shows, as an editor knows it: `paper "han2016deep" (content/papers/...)`. */
  entity: string;
  /** Whether search must find it: author pages repeat papers that are indexed themselves. */
  searchable: boolean;
}

export function expectedPages(catalog: Catalog): ExpectedPage[] {
  const of = (path: string, kind: string, id: string, file: string, searchable = true): ExpectedPage => ({
    path: decodeURI(path),
    entity: `${kind} "${id}" (${file})`,
    searchable,
  });
  return [
    ...catalog.conferences.flatMap((c) => [
      of(pagePaths.conference(c.id), 'conference', c.id, c.file),
      ...(c.outlook ? [of(pagePaths.outlook(c.id), 'outlook', c.id, c.outlook.file)] : []),
      // A tool page, like search: nothing on it to find.
      of(pagePaths.offline(c.id), 'offline page of conference', c.id, c.file, false),
    ]),
    ...catalog.themes.map((t) => of(pagePaths.theme(t.conference.id, t.slug), 'theme', t.id, t.file)),
    ...catalog.papers.map((p) => of(pagePaths.paper(p.id), 'paper', p.id, p.file)),
    ...catalog.talks.map((t) => of(pagePaths.talk(t.conference.id, t.slug), 'talk', t.id, t.file)),
    ...catalog.followUps.map((f) => of(pagePaths.followUp(f.conference.id, f.slug), 'follow-up', f.id, f.file)),
    ...catalog.authors
      .filter((a) => a.hasPage)
      .map((a) => of(pagePaths.author(a.slug), 'author', a.name, `papers by ${a.name}`, false)),
  ];
}

/** What a build wrote, as paths relative to the base (`papers/x/`, `404.html`). */
export interface BuiltSite {
  pages: ReadonlySet<string>;
  sitemap: ReadonlySet<string>;
  /** The pages in the search index; undefined when the build wrote no index. */
  indexed: ReadonlySet<string> | undefined;
}

/** Everything missing or dangling, one line each; empty when nothing is lost. */
export function lostPages(expected: readonly ExpectedPage[], site: BuiltSite): string[] {
  const lost: string[] = [];
  for (const page of expected) {
    if (!site.pages.has(page.path)) lost.push(`${page.entity}: no page at ${page.path}`);
    if (!site.sitemap.has(page.path)) lost.push(`${page.entity}: ${page.path} is not in the sitemap`);
    if (page.searchable && site.indexed && !site.indexed.has(page.path)) {
      lost.push(`${page.entity}: ${page.path} is not in the search index`);
    }
  }
  for (const path of site.sitemap) if (!site.pages.has(path)) lost.push(`the sitemap lists ${path}, which has no page`);
  for (const path of site.indexed ?? [])
    if (!site.pages.has(path)) lost.push(`search finds ${path}, which has no page`);
  return lost;
}

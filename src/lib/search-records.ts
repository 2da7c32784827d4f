/**
 * What each indexed page tells Pagefind about itself: filter values and result metadata, all
 * derived from the catalog. Pages render a record with `SearchData.astro`; the search page shows
 * the labels from `facetLabels()`. No theme, venue or paper name lives in code.
 *
 * Pages carry no sort keys: Pagefind lists every indexed page's position under each key in the
 * metadata that a first search loads, about 22 kB per key at 10,000 papers (bench/README.md), so
 * results come in Pagefind's relevance order.
 */
import type { Catalog, Conference, FollowUp, Paper, Talk, Theme } from './catalog';
import type { Facet } from './search-state';
import { TRACK_LABELS } from './format';
import { joinNames } from './authors';
import { identifierOf } from './hindsight';
import { paperRecordUrl, searchUrl } from './urls';

/** The kinds of indexed page, the values of the `type` filter. */
export const PAGE_TYPES = {
  paper: 'Paper',
  theme: 'Theme',
  talk: 'Talk',
  overview: 'Overview',
  followUp: 'Follow-up',
} as const;
export type PageType = keyof typeof PAGE_TYPES;

export interface SearchRecord {
  filters: Partial<Record<Facet, string[]>>;
  /**
   * `title` always; for papers `paper` (the id) and `authors`, `arxiv` and `url` (the record outside this site) where known;
   * `summary` where the content has a plain-text one (themes, talks, overviews).
   */
  meta: Record<string, string>;
}

const unique = (values: readonly string[]) => [...new Set(values)];

function record(
  type: PageType,
  title: string,
  years: readonly number[],
  filters: Partial<Record<Facet, string[]>>,
  meta: Record<string, string | undefined> = {},
): SearchRecord {
  const kept = Object.fromEntries(Object.entries(meta).filter((e): e is [string, string] => e[1] !== undefined));
  const sorted = unique(years.map(String)).sort().reverse();
  return {
    filters: { type: [type], ...filters, year: sorted },
    meta: { title, ...kept },
  };
}

export function paperSearchRecord(paper: Paper): SearchRecord {
  const { data } = paper;
  return record(
    'paper',
    data.title,
    [data.year],
    {
      conference: [paper.conference.id],
      theme: unique(paper.discussedIn.map((d) => d.theme.id)),
      venue: [data.venue],
      track: [data.track],
      award: data.award === undefined ? [] : [data.award],
    },
    // The id lets the search page save and export results without loading their pages.
    { paper: paper.id, authors: joinNames(data.authors), arxiv: data.arxiv, url: paperRecordUrl(data) },
  );
}

export function themeSearchRecord(theme: Theme): SearchRecord {
  return record(
    'theme',
    theme.data.title,
    [theme.conference.data.year],
    { conference: [theme.conference.id], theme: [theme.id] },
    { summary: theme.data.summary },
  );
}

export function talkSearchRecord(talk: Talk): SearchRecord {
  const themes = [...(talk.theme ? [talk.theme] : []), ...(talk.paper?.discussedIn.map((d) => d.theme) ?? [])];
  return record(
    'talk',
    talk.data.title,
    [talk.conference.data.year],
    { conference: [talk.conference.id], theme: unique(themes.map((t) => t.id)) },
    { authors: talk.data.speaker, url: talk.data.video, summary: talk.data.summary },
  );
}

/** A later work or event: found by its title and authors, filtered by the themes it follows from. */
export function followUpSearchRecord(followUp: FollowUp): SearchRecord {
  const { data, conference } = followUp;
  return record(
    'followUp',
    data.title,
    [Number(data.date.slice(0, 4))],
    // No venue filter: that facet lists where the digest's own papers appeared.
    { conference: [conference.id], theme: followUp.themes.map((t) => t.id) },
    {
      authors: data.authors ? joinNames(data.authors) : undefined,
      url: identifierOf(data).href,
      summary: data.summary,
    },
  );
}

/** A conference's overview page, or its outlook essay when given the outlook's title and summary. */
export function overviewSearchRecord(
  conference: Conference,
  page: { title: string; summary: string } = { title: conference.data.shortName, summary: conference.data.summary },
): SearchRecord {
  return record('overview', page.title, [conference.data.year], { conference: [conference.id] }, page);
}

/**
 * Human labels for filter values that are ids (conferences, themes) or enums (type, track), in the
 * order the search page lists them. Venue, year and award values are their own labels.
 */
export function facetLabels(catalog: Catalog): Partial<Record<Facet, Record<string, string>>> {
  const several = catalog.conferences.length > 1;
  return {
    type: { ...PAGE_TYPES },
    theme: Object.fromEntries(
      catalog.themes.map((t) => [t.id, several ? `${t.data.title} (${t.conference.data.shortName})` : t.data.title]),
    ),
    track: { ...TRACK_LABELS },
    conference: Object.fromEntries(catalog.conferences.map((c) => [c.id, c.data.shortName])),
  };
}

/** Starting points before the reader types: every theme, and the award-winning papers. */
export function browseLinks(catalog: Catalog): { heading: string; links: { label: string; href: string }[] }[] {
  const labels = facetLabels(catalog).theme ?? {};
  const awards = unique(catalog.papers.flatMap((p) => (p.data.award === undefined ? [] : [p.data.award])));
  return [
    {
      heading: 'Browse a theme',
      links: catalog.themes.map((t) => ({ label: labels[t.id] ?? t.data.title, href: searchUrl({ theme: t.id }) })),
    },
    ...(awards.length > 0
      ? [{ heading: 'Awards', links: awards.map((a) => ({ label: a, href: searchUrl({ type: 'paper', award: a }) })) }]
      : []),
  ];
}

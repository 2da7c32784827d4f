/**
 * Every route shape of the site, and the deploy base in front of it. Nothing else builds an
 * internal URL, so the whole site follows `base` when deployed under a sub-path. The names the
 * site owns at the top level and under a conference come from the same table, so a content id
 * that would collide with one is refused before a page is lost.
 */
import { SEARCH_BUNDLE_DIR } from './search-state';

/** Folder names of the site's own routes (`src/pages/`). */
export const ROUTES = {
  papers: 'papers',
  authors: 'authors',
  talks: 'talks',
  search: 'search',
  /** The reader's saved papers, and the data files it reads them from. */
  readingList: 'reading-list',
  /** Later works and events that grew out of a conference's themes. */
  followUps: 'follow-ups',
  /** Under a conference: its outlook essay. */
  outlook: 'outlook',
  /**
   * Under a conference: the page that keeps its digest for offline reading. At the top: the page
   * the offline copy shows for a page it does not hold.
   */
  offline: 'offline',
} as const;

/** Where Astro writes the built CSS, scripts and fonts (`build.assets` in astro.config.mjs). */
export const ASSETS_DIR = '_astro';

/**
 * Top-level names a conference id must not take: the site's own routes and pages, the search
 * bundle and the assets folder. A conference named `pagefind` would have its page deleted when the
 * search index is written. `tests/lib/urls.test.ts` keeps this in step with `src/pages/` and
 * `public/`.
 */
export const RESERVED_SEGMENTS: readonly string[] = [
  ROUTES.papers,
  ROUTES.authors,
  ROUTES.talks,
  ROUTES.search,
  ROUTES.readingList,
  ROUTES.followUps,
  ROUTES.offline,
  '404',
  'robots.txt',
  'rss.xml',
  'favicon.svg',
  SEARCH_BUNDLE_DIR,
  ASSETS_DIR,
];

/** Names under a conference that a theme file must not take. */
export const RESERVED_THEME_SLUGS: readonly string[] = [ROUTES.outlook, ROUTES.offline, 'rss.xml'];

/** The offline copy's list of what it holds, beside each conference's page (`<conference>/offline.json`). */
export const OFFLINE_MANIFEST_FILE = 'offline.json';

/** The service worker that keeps the offline copy, at the base so that its scope is the whole site. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The configured base, always with a trailing slash: `/` or `/digest/`. */
export function base(): string {
  const raw = import.meta.env.BASE_URL || '/';
  return raw.endsWith('/') ? raw : `${raw}/`;
}

const seg = (s: string) => encodeURIComponent(s);
const dir = (...parts: string[]) => `${parts.map(seg).join('/')}/`;
const page = (...parts: string[]) => `${base()}${dir(...parts)}`;

/**
 * Where each entity's page sits in the build output, relative to the base (`papers/x/`): the shapes
 * the `...Url` functions below put the base in front of, and what the build's completeness check
 * looks for in `dist/`.
 */
export const pagePaths = {
  conference: (conferenceId: string): string => dir(conferenceId),
  theme: (conferenceId: string, themeSlug: string): string => dir(conferenceId, themeSlug),
  outlook: (conferenceId: string): string => dir(conferenceId, ROUTES.outlook),
  paper: (paperId: string): string => dir(ROUTES.papers, paperId),
  author: (authorSlug: string): string => dir(ROUTES.authors, authorSlug),
  talk: (conferenceId: string, talkSlug: string): string => dir(ROUTES.talks, conferenceId, talkSlug),
  followUp: (conferenceId: string, slug: string): string => dir(ROUTES.followUps, conferenceId, slug),
  offline: (conferenceId: string): string => dir(conferenceId, ROUTES.offline),
  /** A page of the site's own at the top: an index (`papers/`), search, or the offline fallback. */
  route: (name: 'papers' | 'authors' | 'talks' | 'search' | 'readingList' | 'offline'): string => dir(ROUTES[name]),
  /** The file of paper data the reading list loads for shard `n` (`lib/reading-list-data.ts`). */
  readingListShard: (n: number | '{n}'): string => `${dir(ROUTES.readingList)}${n}.json`,
};

/**
 * The BibTeX files, named for what they hold so a saved copy keeps its meaning (`bibNames` is the
 * `[file]` parameter of their routes):
 * `iclr-2016/iclr-2016.bib` (every paper of the conference) and
 * `iclr-2016/compressing-networks/iclr-2016-compressing-networks.bib` (a theme's references).
 */
export const bibNames = {
  conference: (conferenceId: string): string => conferenceId,
  theme: (conferenceId: string, themeSlug: string): string => `${conferenceId}-${themeSlug}`,
};
export const bibPaths = {
  conference: (conferenceId: string): string => `${dir(conferenceId)}${seg(bibNames.conference(conferenceId))}.bib`,
  theme: (conferenceId: string, themeSlug: string): string =>
    `${dir(conferenceId, themeSlug)}${seg(bibNames.theme(conferenceId, themeSlug))}.bib`,
};
export const conferenceBibUrl = (conferenceId: string): string => base() + bibPaths.conference(conferenceId);
export const themeBibUrl = (conferenceId: string, themeSlug: string): string =>
  base() + bibPaths.theme(conferenceId, themeSlug);

/** A file under `public/` or the build output, e.g. `asset('favicon.svg')`. */
export const asset = (path: string): string => `${base()}${path.replace(/^\/+/, '')}`;

export const homeUrl = (): string => base();
export const conferenceUrl = (conferenceId: string): string => base() + pagePaths.conference(conferenceId);
export const themeUrl = (conferenceId: string, themeSlug: string): string =>
  base() + pagePaths.theme(conferenceId, themeSlug);
/** A place on a theme's page: a citation, a follow-up's entry. */
export const themeAnchorUrl = (conferenceId: string, themeSlug: string, anchor: string): string =>
  `${themeUrl(conferenceId, themeSlug)}#${anchor}`;
export const outlookUrl = (conferenceId: string): string => base() + pagePaths.outlook(conferenceId);
export const paperUrl = (paperId: string): string => base() + pagePaths.paper(paperId);
export const papersUrl = (): string => page(ROUTES.papers);
export const authorUrl = (authorSlug: string): string => base() + pagePaths.author(authorSlug);
export const authorsUrl = (): string => page(ROUTES.authors);
export const talkUrl = (conferenceId: string, talkSlug: string): string =>
  base() + pagePaths.talk(conferenceId, talkSlug);
export const talksUrl = (): string => page(ROUTES.talks);
export const followUpUrl = (conferenceId: string, slug: string): string =>
  base() + pagePaths.followUp(conferenceId, slug);
export const readingListUrl = (): string => page(ROUTES.readingList);
export const readingListShardUrl = (n: number | '{n}'): string => base() + pagePaths.readingListShard(n);
export const searchUrl = (params: Record<string, string | readonly string[]> = {}): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  }
  const qs = query.toString();
  return `${page(ROUTES.search)}${qs ? `?${qs}` : ''}`;
};

/** The page that keeps a conference's digest for offline reading. */
export const offlineUrl = (conferenceId: string): string => base() + pagePaths.offline(conferenceId);
/** What a conference's offline copy holds and weighs (written by `integrations/offline.ts`). */
export const offlineManifestUrl = (conferenceId: string): string =>
  `${conferenceUrl(conferenceId)}${OFFLINE_MANIFEST_FILE}`;
/** The page the offline copy shows, offline, for a page it does not hold. */
export const offlineFallbackUrl = (): string => page(ROUTES.offline);
export const serviceWorkerUrl = (): string => asset(SERVICE_WORKER_FILE);

/** The feed of every digest. */
export const siteFeedUrl = (): string => asset('rss.xml');
/** The feed of one conference's digest. */
export const conferenceFeedUrl = (conferenceId: string): string => `${conferenceUrl(conferenceId)}rss.xml`;
/** The sitemap index that `@astrojs/sitemap` writes. */
export const sitemapUrl = (): string => asset('sitemap-index.xml');

/** The deployed origin (`SITE_URL`), as Astro exposes it. */
export function siteOrigin(): string {
  const site = import.meta.env.SITE;
  if (!site) throw new Error('no site origin: astro.config.mjs sets `site` from SITE_URL');
  return site;
}

/**
 * A site path as an absolute URL on the deployed origin, for canonical links, feeds, sitemaps
 * and structured data, which readers and crawlers use outside the site.
 */
export const absoluteUrl = (path: string, site: URL | string = siteOrigin()): string => new URL(path, site).href;

export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;

/** Where a paper itself lives, outside this site: its arXiv page, else the landing page or PDF its record names. */
export function paperRecordUrl(paper: {
  arxiv?: string | undefined;
  links: { abs?: string | undefined; pdf?: string | undefined };
}): string | undefined {
  return paper.arxiv ? arxivAbsUrl(paper.arxiv) : (paper.links.abs ?? paper.links.pdf);
}

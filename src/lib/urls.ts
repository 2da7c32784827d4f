/**
 * Every route shape of the site, and the deploy base in front of it. Nothing else builds an
 * internal URL, so the whole site follows `base` when deployed under a sub-path.
 */

/** The configured base, always with a trailing slash: `/` or `/digest/`. */
export function base(): string {
  const raw = import.meta.env.BASE_URL || '/';
  return raw.endsWith('/') ? raw : `${raw}/`;
}

const seg = (s: string) => encodeURIComponent(s);
const page = (...parts: string[]) => `${base()}${parts.map(seg).join('/')}/`;

/** A file under `public/` or the build output, e.g. `asset('favicon.svg')`. */
export const asset = (path: string): string => `${base()}${path.replace(/^\/+/, '')}`;

export const homeUrl = (): string => base();
export const conferenceUrl = (conferenceId: string): string => page(conferenceId);
export const themeUrl = (conferenceId: string, themeSlug: string): string => page(conferenceId, themeSlug);
export const outlookUrl = (conferenceId: string): string => page(conferenceId, 'outlook');
export const paperUrl = (paperId: string): string => page('papers', paperId);
export const papersUrl = (): string => page('papers');
export const authorUrl = (authorSlug: string): string => page('authors', authorSlug);
export const authorsUrl = (): string => page('authors');
export const talkUrl = (conferenceId: string, talkSlug: string): string => page('talks', conferenceId, talkSlug);
export const talksUrl = (): string => page('talks');
export const searchUrl = (params: Record<string, string | readonly string[]> = {}): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : value) query.append(key, v);
  }
  const qs = query.toString();
  return `${page('search')}${qs ? `?${qs}` : ''}`;
};

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

/** Top-level route names a conference id must not take. */
export const RESERVED_SEGMENTS = ['papers', 'authors', 'talks', 'search', '404'] as const;

/** Names under a conference that a theme file must not take. */
export const RESERVED_THEME_SLUGS = ['outlook'] as const;

export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;

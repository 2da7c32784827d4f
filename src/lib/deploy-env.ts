/**
 * Where the built site will live, read from the environment: `SITE_URL` is the origin that
 * canonical URLs, feeds, the sitemap and structured data point to; `BASE_PATH` is the sub-path
 * the site is served under (`/` at the root of a domain, `/<repo>/` on GitHub Pages).
 */

/** The `site` and `base` options Astro builds with. */
export interface DeployTarget {
  /** An origin without a path, e.g. `https://example.org`. */
  site: string;
  /** A path with a leading and a trailing slash, e.g. `/` or `/digest/`. */
  base: string;
}

/** The origin local builds and the preview server use. */
export const LOCAL_SITE = 'http://localhost:4321';

/** A URL path segment that needs no escaping. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Reads and checks `SITE_URL` and `BASE_PATH`; a value that would break links throws and says how to fix it. */
export function deployTarget(env: Record<string, string | undefined> = process.env): DeployTarget {
  return { site: siteOrigin(env['SITE_URL']), base: basePath(env['BASE_PATH']) };
}

function siteOrigin(raw: string | undefined): string {
  const value = raw?.trim();
  if (!value) return LOCAL_SITE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${value}" is not an absolute URL; write it as https://example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL "${value}" must start with https:// (or http://)`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `SITE_URL "${value}" must be an origin only, e.g. ${url.origin}; put the sub-path in BASE_PATH (BASE_PATH=${url.pathname})`,
    );
  }
  return url.origin;
}

function basePath(raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  const segments = value.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
      throw new Error(
        `BASE_PATH "${value}" has the segment "${segment}"; use letters, digits, ".", "_", "~" and "-", e.g. /digest/`,
      );
    }
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

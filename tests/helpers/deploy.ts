/**
 * The deploy tests' builds and link check: the real content built twice from clean caches under
 * a sub-path (`BASE_PATH=/digest/`) with a public origin, and linkinator crawling a built site
 * served the way a static host serves it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, LinkState } from 'linkinator';
import { buildSiteOrThrow, outputRoot, realContent } from './build';
import { serveDist } from './serve';

/** Origin and base of the sub-path builds. */
export const DEPLOY_ENV = { SITE_URL: 'https://example.org', BASE_PATH: '/digest/' } as const;

/** Two builds of the same content with the same environment, each from an empty cache. */
export const DEPLOY_SITES = {
  a: { name: 'deploy-a', dist: join(outputRoot, 'deploy-a', 'dist') },
  b: { name: 'deploy-b', dist: join(outputRoot, 'deploy-b', 'dist') },
} as const;

export function buildDeploySites(): void {
  for (const site of Object.values(DEPLOY_SITES)) {
    rmSync(join(outputRoot, site.name, 'cache'), { recursive: true, force: true });
    buildSiteOrThrow(site.name, realContent, DEPLOY_ENV);
  }
}

/** Every file under `dir`, as a sorted list of `sha256  path` lines (the format of `sha256sum`). */
export function sha256Manifest(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map(
      (f) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}  ${f}`,
    );
}

export interface LinkReport {
  /** Internal URLs that failed (missing file, missing `#fragment`), with the page linking them. */
  broken: string[];
  /** Internal URLs checked and found, as paths on the served origin. */
  internal: string[];
  /** External URLs, not fetched (the tests run offline), for a syntax check. */
  external: string[];
}

/**
 * Serves `dist` under `base` and lets linkinator crawl it from the home page, following every
 * link, stylesheet URL, feed link, canonical URL and JSON-LD URL, and checking `#fragments`
 * against the target page. Absolute URLs on `site` are rewritten to the local server, so they
 * are checked too; anything else is external and skipped.
 */
export async function checkLinks(dist: string, options: { base: string; site: string }): Promise<LinkReport> {
  const server = await serveDist(dist, { base: options.base });
  const local = `${server.origin}/`;
  const external = new Set<string>();
  try {
    const result = await check({
      path: server.url,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      urlRewriteExpressions: [
        { pattern: new RegExp(`^${options.site.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`), replacement: local },
      ],
      linksToSkip: async (link) => {
        if (link.startsWith(local) || link.startsWith(`${options.site}/`)) return false;
        external.add(link);
        return true;
      },
    });
    const internal = result.links.filter((l) => l.state === LinkState.OK).map((l) => l.url.slice(server.origin.length));
    const broken = result.links
      .filter((l) => l.state === LinkState.BROKEN)
      .map(
        (l) =>
          `${l.url.slice(server.origin.length)} (status ${l.status ?? '?'}) on ${l.parent?.slice(server.origin.length) ?? '?'}`,
      );
    return { broken, internal: [...new Set(internal)].sort(), external: [...external].sort() };
  } finally {
    await server.close();
  }
}

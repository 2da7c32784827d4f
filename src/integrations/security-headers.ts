/**
 * Makes every page's policy exact and writes `dist/_headers` at the end of the build. Astro puts
 * a `<meta http-equiv>` policy into every page with the hashes of every inline script it knows
 * of, most of them for scripts that page does not have; each page's policy is rewritten to list
 * exactly the hashes of its own inline scripts and style elements. `_headers` then carries one
 * policy for the whole site, merged from those, plus the directives only a header can carry and a
 * few other security headers. Hosts that ignore `_headers` (GitHub Pages, S3) still get each
 * page's own `<meta>` policy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  exactPolicy,
  formatHeadersFile,
  HEADER_ONLY_DIRECTIVES,
  headPolicy,
  inlineSources,
  mergePolicies,
} from '../lib/csp';
import { ASSETS_DIR } from '../lib/urls';

/** Cloudflare Pages allows at most this many characters in a header value of `_headers`. */
const HEADER_VALUE_LIMIT = 2000;

/** Headers sent with every file besides the policy. */
const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Rewrites the `<meta http-equiv="content-security-policy">` policy of every HTML page under
 * `dir` to list exactly what the page uses, and returns each page's policy (undefined where a
 * page has none).
 */
export function exactPagePolicies(dir: string): { page: string; policy: string | undefined }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((page) => {
      const file = join(dir, page);
      const html = readFileSync(file, 'utf8');
      const written = headPolicy(html);
      if (written === undefined) return { page, policy: undefined };
      const policy = exactPolicy(written, inlineSources(html));
      if (policy !== written) {
        const attribute = `content="${written}"`;
        if (html.indexOf(attribute) !== html.lastIndexOf(attribute) || !html.includes(attribute)) {
          throw new Error(`${page}: cannot find its policy's content attribute to rewrite`);
        }
        writeFileSync(file, html.replace(attribute, `content="${policy}"`));
      }
      return { page, policy };
    });
}

/**
 * Build assets have content hashes in their names (Astro's `_astro/` folder), so a browser may keep
 * them for a year without asking again: a new build links new names.
 */
const ASSET_HEADERS = { 'Cache-Control': 'public, max-age=31536000, immutable' };

/** The Astro integration; keep it after integrations that add pages. */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'conference-digest:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = exactPagePolicies(root);
        const missing = pages.filter((p) => !p.policy).map((p) => p.page);
        if (missing.length > 0) {
          throw new Error(`no Content-Security-Policy <meta> in ${missing.join(', ')}; is security.csp enabled?`);
        }
        const policy = mergePolicies(
          pages.map((p) => p.policy ?? ''),
          HEADER_ONLY_DIRECTIVES,
        );
        const file = formatHeadersFile([
          { path: '/*', headers: { 'Content-Security-Policy': policy, ...OTHER_HEADERS } },
          { path: `${base}${ASSETS_DIR}/*`, headers: ASSET_HEADERS },
        ]);
        writeFileSync(join(root, '_headers'), file);
        if (policy.length > HEADER_VALUE_LIMIT) {
          logger.warn(
            `the Content-Security-Policy has ${policy.length} characters; Cloudflare Pages allows ${HEADER_VALUE_LIMIT} in _headers`,
          );
        }
        logger.info(`_headers: one policy for ${pages.length} pages (${policy.length} characters)`);
      },
    },
  };
}

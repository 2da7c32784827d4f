/**
 * Writes `dist/_headers` at the end of the build: one Content-Security-Policy for the whole site,
 * merged from the `<meta http-equiv>` policies Astro put into every page (so it carries the hashes
 * of every inline script and style the pages have), plus the directives only a header can carry
 * and a few other security headers. Hosts that ignore `_headers` (GitHub Pages, S3) still get
 * each page's own `<meta>` policy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeadersFile, HEADER_ONLY_DIRECTIVES, headPolicy, mergePolicies } from '../lib/csp';

/** Cloudflare Pages allows at most this many characters in a header value of `_headers`. */
const HEADER_VALUE_LIMIT = 2000;

/** Headers sent with every file besides the policy. */
const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The `<meta http-equiv="content-security-policy">` policy of every HTML page under `dir`. */
export function pagePolicies(dir: string): { page: string; policy: string | undefined }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((page) => ({ page, policy: headPolicy(readFileSync(join(dir, page), 'utf8')) }));
}

/** The Astro integration; keep it after integrations that add pages. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'conference-digest:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = pagePolicies(root);
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

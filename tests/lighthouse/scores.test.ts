/**
 * Lighthouse's four scores (mobile settings) on the page types that are hardest to keep fast:
 * search (filters and results arrive after load), a theme with math (KaTeX's stylesheet and fonts)
 * and a paper page. Each page is audited three times (after a discarded warm-up run, see
 * `startAuditBrowser`) and the median score of each category must be 100: a single run varies
 * with what else the machine is doing.
 *
 * The site is served as a static host serves it: `_headers` applied and text compressed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/csp';
import { INSTALL_HINT, requireChromium } from '../helpers/browser';
import { realContent } from '../helpers/build';
import { readContent } from '../helpers/content';
import { CATEGORIES, median, startAuditBrowser, type LighthouseRun } from '../helpers/lighthouse';
import { serveDist, type StaticServer } from '../helpers/serve';
import { LIGHTHOUSE_SITE } from './setup';

const RUNS = 3;
const chromium = requireChromium();

/** The pages to audit, found from the content rather than named: the first of each kind. */
function pagesToAudit(): Record<string, string> {
  const content = readContent(realContent);
  const mathTheme = content.themes.find((t) => /(?<!\\)\$/.test(t.body));
  const paper = content.papers[0];
  if (!mathTheme || !paper) throw new Error('the content has no theme with math, or no paper');
  return {
    search: '/search/',
    'math theme': `/${mathTheme.conference}/${mathTheme.stem}/`,
    paper: `/papers/${paper.stem}/`,
  };
}

describe.skipIf(chromium === undefined)(
  `Lighthouse, median of ${RUNS} runs${chromium ? '' : ` (skipped: ${INSTALL_HINT})`}`,
  () => {
    let server: StaticServer;
    beforeAll(async () => {
      const rules = parseHeadersFile(readFileSync(join(LIGHTHOUSE_SITE.dist, '_headers'), 'utf8'));
      server = await serveDist(LIGHTHOUSE_SITE.dist, { precompressed: true, headers: (p) => headersFor(rules, p) });
    });
    afterAll(() => server?.close());

    for (const [kind, path] of Object.entries(chromium ? pagesToAudit() : {})) {
      it(`scores 100 in every category on the ${kind} page (${path})`, async () => {
        const browser = await startAuditBrowser(chromium!, server.at(path));
        const runs: LighthouseRun[] = [];
        try {
          for (let i = 0; i < RUNS; i++) runs.push(await browser.audit(server.at(path)));
        } finally {
          await browser.close();
        }
        const medians = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]));
        const detail = runs.map(
          (r, i) =>
            `run ${i + 1}: ${JSON.stringify(r.scores)}, LCP ${Math.round(r.lcpMs)} ms, CLS ${r.cls.toFixed(3)}; below 1: ${r.failing.join(', ')}`,
        );
        expect(medians, detail.join('\n')).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, 100])));
      });
    }
  },
);

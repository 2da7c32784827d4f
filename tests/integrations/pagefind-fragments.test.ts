/**
 * Fragment bundling: Pagefind writes one fragment file per page unless `maxFragments` caps them,
 * which keeps the search bundle within static hosts' file limits on large digests.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FRAGMENTS, indexSite } from '../../src/integrations/pagefind';

const PAGES = 40;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pagefind-fragments-'));
  for (let i = 0; i < PAGES; i++) {
    mkdirSync(join(dir, 'papers', `p${i}`), { recursive: true });
    writeFileSync(
      join(dir, 'papers', `p${i}`, 'index.html'),
      `<!doctype html><html lang="en"><head><title>Paper ${i}</title></head><body><main data-pagefind-body>` +
        `<h1>Paper number ${i}</h1><p>Words about pruning, quantisation and paper ${i}.</p></main></body></html>`,
    );
  }
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fragmentFiles = () => readdirSync(join(dir, 'pagefind', 'fragment')).length;

describe('fragment bundling', () => {
  it('writes one fragment file per page below the default cap', async () => {
    expect(PAGES).toBeLessThan(DEFAULT_MAX_FRAGMENTS);
    const summary = await indexSite(dir);
    expect(summary.pages).toBe(PAGES);
    expect(fragmentFiles()).toBe(PAGES);
  });

  it('bundles fragments into at most maxFragments files above the cap', async () => {
    const summary = await indexSite(dir, { maxFragments: 8 });
    expect(summary.pages).toBe(PAGES);
    expect(fragmentFiles()).toBeGreaterThan(0);
    expect(fragmentFiles()).toBeLessThanOrEqual(8);
  });

  it('writes one file per page whatever the size when the cap is 0', async () => {
    const summary = await indexSite(dir, { maxFragments: 0 });
    expect(summary.pages).toBe(PAGES);
    expect(fragmentFiles()).toBe(PAGES);
  });
});

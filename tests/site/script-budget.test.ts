/**
 * The script reading pages may carry: 3 kB uncompressed in all, of which the citation previews
 * take at most 1.1 kB (the rest is for the search shortcut, the copy button and the reading list's
 * save control). Reading pages are every page but search, which loads Pagefind by design. The
 * benchmark reports the same sum at scale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../helpers/build';
import { Dist } from '../helpers/dist';

const READING_PAGE_BUDGET = 3000;
const PREVIEW_BUDGET = 1100;
const dist = new Dist(SITES.real.dist);

/** Each script a page runs, inline or linked, with its uncompressed size. */
function scripts(path: string): { code: string; bytes: number }[] {
  const $ = dist.page(path);
  return $('script')
    .filter((_, el) => ($(el).attr('type') ?? 'module') !== 'application/ld+json')
    .map((_, el) => {
      const src = $(el).attr('src');
      const code = src ? readFileSync(join(SITES.real.dist, src), 'utf8') : ($(el).html() ?? '');
      return { code, bytes: Buffer.byteLength(code) };
    })
    .get();
}

describe('script on reading pages', () => {
  const reading = dist.pages().filter((p) => p !== '/search/');

  it(`stays under ${READING_PAGE_BUDGET} bytes on every reading page`, () => {
    const over = reading
      .map((p) => ({ p, bytes: scripts(p).reduce((sum, s) => sum + s.bytes, 0) }))
      .filter(({ bytes }) => bytes > READING_PAGE_BUDGET);
    expect(over).toEqual([]);
  });

  it(`gives the citation previews at most ${PREVIEW_BUDGET} bytes, on the pages with citations`, () => {
    const withCitations = reading.filter((p) => dist.page(p)('.citation a').length > 0);
    expect(withCitations.length).toBeGreaterThan(0);
    for (const p of withCitations) {
      const previews = scripts(p).filter((s) => s.code.includes('.citation a'));
      expect(previews.length, p).toBe(1);
      expect(previews[0]!.bytes, p).toBeLessThanOrEqual(PREVIEW_BUDGET);
    }
  });
});

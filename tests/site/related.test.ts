/**
 * Related papers as built: on each paper page, at most five other papers of the digest, each
 * with a reason, kept out of the search index; a paper that shares no theme and no author with
 * another paper lists none. The ranking itself is unit-tested (tests/lib/related.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { RELATED_LIMIT } from '../../src/lib/related';
import { realContent, SITES } from '../helpers/build';
import { citedKeys, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const authorsOf = (stem: string) => (content.papers.find((p) => p.stem === stem)?.data['authors'] as string[]) ?? [];

/** Papers that share a theme or an author with this one, read from the content directly. */
function relatable(stem: string): Set<string> {
  const out = new Set<string>();
  for (const theme of content.themes) {
    const keys = citedKeys(theme.body);
    if (keys.includes(stem)) keys.forEach((k) => out.add(k));
  }
  for (const p of content.papers) {
    if (authorsOf(p.stem).some((a) => authorsOf(stem).includes(a))) out.add(p.stem);
  }
  out.delete(stem);
  return out;
}

describe('related papers', () => {
  it.each(content.papers.map((p) => [p.stem] as const))('%s lists related papers with reasons', (stem) => {
    const $ = dist.page(`/papers/${stem}/`);
    const section = $('section:has(#related)');
    const items = section.find('li');
    const candidates = relatable(stem);
    if (candidates.size === 0) {
      expect(section.length).toBe(0);
      return;
    }
    expect(section.attr('data-pagefind-ignore')).toBeDefined();
    expect(items.length).toBe(Math.min(RELATED_LIMIT, candidates.size));
    items.each((_, li) => {
      const href = $(li).find('a').attr('href') ?? '';
      const other = /^\/papers\/([^/]+)\/$/.exec(href)?.[1] ?? '';
      expect(candidates.has(other), `${stem} → ${href}`).toBe(true);
      expect(dist.has(href)).toBe(true);
      expect($(li).find('a').text()).toBe(content.papers.find((p) => p.stem === other)?.data['title']);
      expect($(li).find('.meta').text()).toMatch(
        /^ · (cited alongside it in|discussed in the same section of|also discussed in|shares an author,|shares \d+ authors,) \S/,
      );
    });
  });
});

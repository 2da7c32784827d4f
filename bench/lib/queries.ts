/**
 * The fixed query set of the search measurements, chosen from the papers themselves (titles and
 * summaries, not the site's own labels) so it fits any corpus: frequent terms (in the most papers),
 * mid-frequency terms (about 1% of papers), rare terms (a single paper), two-word queries and
 * author family names. The choice is deterministic: sorted candidates, evenly spaced picks.
 */
import type { Query } from './search-harness.ts';
import type { PaperPage } from './sites.ts';
import { FUNCTION_WORDS } from './vocabulary.ts';

const PER_KIND = 5;

/** Evenly spaced items of a sorted list. */
function spaced<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / count)] as T);
}

export function chooseQueries(papers: readonly PaperPage[]): Query[] {
  const stop = new Set(FUNCTION_WORDS);
  const df = new Map<string, number>();
  for (const paper of papers) {
    const words = new Set(`${paper.title} ${paper.summary}`.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const terms = [...df.entries()].filter(([w]) => !stop.has(w));
  const byFrequency = [...terms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const frequent = byFrequency.slice(0, PER_KIND).map(([w]) => w);
  const target = Math.max(2, papers.length / 100);
  const mid = spaced(
    terms
      .filter(([, n]) => n >= target * 0.7 && n <= target * 1.3)
      .map(([w]) => w)
      .sort(),
    PER_KIND,
  );
  const rare = spaced(
    terms
      .filter(([w, n]) => n === 1 && w.length >= 6)
      .map(([w]) => w)
      .sort(),
    PER_KIND,
  );
  const phrases = mid.slice(0, 2).map((w, i) => `${frequent[i] ?? frequent[0] ?? ''} ${w}`.trim());
  const authors = spaced(
    [...new Set(papers.flatMap((p) => p.authors.map((a) => a.split(' ').at(-1) ?? '')))].filter(Boolean).sort(),
    2,
  );
  return [
    ...frequent.map((text) => ({ text, kind: 'frequent' })),
    ...mid.map((text) => ({ text, kind: 'mid' })),
    ...rare.map((text) => ({ text, kind: 'rare' })),
    ...phrases.map((text) => ({ text, kind: 'phrase' })),
    ...authors.map((text) => ({ text, kind: 'author' })),
  ];
}

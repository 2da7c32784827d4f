/**
 * Takes the papers a search found away: all of them, not only those shown, up to
 * `EXPORT_LIMIT`, as a BibTeX file or into the reading list. Each result's id comes from its
 * Pagefind record (`meta.paper`), and the BibTeX from the reading list's paper data.
 */
import { BIBTEX_MEDIA_TYPE } from '../../lib/bibtex';
import { readIds, serializeList, storageKey } from '../../lib/reading-list';
import { addAll, type ListedPaper } from '../../lib/reading-list-data';
import { count } from '../../lib/text';
import { bibtexOf, download } from '../reading-list/exports';
import { loadPapers, type PaperData } from '../reading-list/papers-data';
import type { PagefindResult } from './pagefind-api';

/** The most papers one export takes: 1,000 records load in a few seconds on a slow connection. */
export const EXPORT_LIMIT = 1000;

/** How many records to load at once. */
const BATCH = 50;

async function paperIds(results: readonly PagefindResult[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < results.length; i += BATCH) {
    const data = await Promise.all(results.slice(i, i + BATCH).map((r) => r.data()));
    for (const d of data) if (d.meta['paper']) ids.push(d.meta['paper']);
  }
  return ids;
}

/** Exports the papers among `results` and says what happened, for the page's status line. */
export async function exportResults(
  results: readonly PagefindResult[],
  action: 'bibtex' | 'save',
  data: PaperData,
): Promise<string> {
  const ids = await paperIds(results.slice(0, EXPORT_LIMIT));
  const capped =
    results.length > EXPORT_LIMIT
      ? ` (the first ${EXPORT_LIMIT.toLocaleString('en')} of ${results.length.toLocaleString('en')}; narrow the search to take the rest)`
      : '';
  if (action === 'save') {
    const key = storageKey(import.meta.env.BASE_URL);
    const stored = readIds(localStorage.getItem(key));
    if (!stored) return 'Your reading list cannot be read: open the reading list page to see why and reset it.';
    const added = ids.filter((id) => !stored.includes(id)).length;
    localStorage.setItem(key, serializeList(addAll(stored, ids)));
    dispatchEvent(new Event('reading-list'));
    return `Saved ${count(added, 'paper')} to your reading list${capped}; ${count(ids.length - added, 'was', 'were')} there already.`;
  }
  const papers = await loadPapers(ids, data);
  const found = ids.map((id) => papers.get(id)).filter((p): p is ListedPaper => p !== undefined);
  download('search-results.bib', BIBTEX_MEDIA_TYPE, bibtexOf(found));
  return `Downloading BibTeX for ${count(found.length, 'paper')}${capped}.`;
}

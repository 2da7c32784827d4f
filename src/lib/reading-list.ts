/**
 * The reader's reading list: paper ids kept in the browser, under a key of the site's base path so
 * two digests on one origin keep two lists. Only ids are stored: a rebuilt site shows the same list
 * with today's records, and an id the digest no longer has is shown as such, never dropped.
 *
 * This module is the one reader of the stored form; the save control on reading pages, the
 * reading-list page and the search page all go through it.
 */

/** The storage key of the list of the digest deployed at `base` (`/` or `/digest/`). */
export const storageKey = (base: string): string => `conference-digest:reading-list:${base}`;

/**
 * The ids of a stored list, or undefined when the stored value is not a list of ids (then
 * `unreadableReason` says why). Nothing stored is an empty list. Kept small: the save control on
 * every reading page runs it.
 */
export function readIds(raw: string | null): string[] | undefined {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '')) return [...new Set(value)];
  } catch {
    // Not JSON: unreadable, said below.
  }
  return undefined;
}

export const serializeList = (ids: readonly string[]): string => JSON.stringify([...new Set(ids)]);

/** The list with `id` added at the end, or removed if it was there. */
export const toggle = (ids: readonly string[], id: string): string[] =>
  ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id];

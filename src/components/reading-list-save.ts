/**
 * The reading list's Save controls and the header's count, on every page. Each `[data-save]`
 * button (SaveButton.astro) is hidden until this runs, then says by `aria-pressed` whether its
 * paper is saved; a click saves or removes it. Other open tabs follow through the `storage`
 * event, and pages that add controls later (search results) ask for a refresh with the
 * `reading-list` event. If the stored list cannot be read, the controls stay hidden and the
 * count says so: the reading-list page explains and offers a reset, and nothing is overwritten.
 * Kept small: reading pages carry at most 3 kB of script in all.
 */
import { readIds, serializeList, storageKey, toggle } from '../lib/reading-list';

const key = storageKey(import.meta.env.BASE_URL);
/** The saved ids; undefined if the stored list cannot be read, null if storage is switched off. */
const read = () => {
  try {
    return readIds(localStorage.getItem(key));
  } catch {
    return null;
  }
};

const render = () => {
  const ids = read();
  for (const count of document.querySelectorAll('[data-saved-count]')) {
    count.textContent = ids === null ? '' : ids ? ` (${ids.length})` : ' (unreadable)';
  }
  for (const button of document.querySelectorAll<HTMLElement>('[data-save]')) {
    button.hidden = !ids;
    button.ariaPressed = String(!!ids?.includes(button.dataset['save']!));
  }
};

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest?.<HTMLElement>('[data-save]');
  const ids = read();
  if (!button || !ids) return;
  localStorage.setItem(key, serializeList(toggle(ids, button.dataset['save']!)));
  render();
});
addEventListener('storage', (event) => event.key === key && render());
addEventListener('reading-list', render);
render();

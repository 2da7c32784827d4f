/**
 * The "/" key opens search from any page, as on most search-driven sites. It follows the header's
 * plain search link (which works without scripts); on the search page it focuses the query box.
 * Kept tiny: reading pages load nothing else of search until the reader opens it.
 */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null);

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const box = document.querySelector<HTMLInputElement>('search-app input[type="search"]');
  const link = document.querySelector<HTMLAnchorElement>('a[data-search-link]');
  if (!box && !link) return;
  event.preventDefault();
  if (box) box.focus();
  else if (link) window.location.assign(link.href);
});

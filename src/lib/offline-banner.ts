/**
 * The note the service worker puts at the top of a page it serves from the offline copy, as static
 * markup (no script, no inline style: the site's stylesheet styles `.offline-copy`). Pure: the
 * worker bundles it and the unit tests call it.
 */
import { formatDate } from './format';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The banner's markup for a copy built on `builtOn` (`YYYY-MM-DD`). */
export function offlineBanner(builtOn: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(builtOn) ? builtOn : '';
  const shown = day ? formatDate(new Date(`${day}T00:00:00Z`)) : 'an unknown day';
  // A landmark of its own: axe asks that all content sit in one, and screen reader users can jump to it.
  return (
    `<aside class="offline-copy" aria-label="Offline copy"><p>You are reading the offline copy of this digest, ` +
    `built on <time datetime="${escapeHtml(day)}">${escapeHtml(shown)}</time>.</p></aside>`
  );
}

/**
 * The page with `banner` inserted just after its `<body>` tag, so it comes first when read and
 * cannot be mistaken for the page's own content; the page unchanged if it has no body tag.
 */
export function withBanner(html: string, banner: string): string {
  const body = /<body(?:\s[^>]*)?>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${banner}${html.slice(at)}`;
}

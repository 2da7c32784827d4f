/** One search result as a list item: type badge, where, title link, byline, themes, excerpt. */
import { element } from '../dom';
import { labelOf, type FacetLabels } from './facets';
import type { PagefindResultData } from './pagefind-api';

/**
 * Pagefind's excerpt escapes the page text and wraps matches in `<mark>`. It is parsed in an inert
 * template and only text and `<mark>` survive, whatever the indexed text held.
 */
export function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node instanceof HTMLElement && node.localName === 'mark'
      ? element('mark', { text: node.textContent })
      : document.createTextNode(node.textContent ?? ''),
  );
}

/**
 * The list item of a result. Metadata is set as text, never as HTML. With a query the excerpt
 * shows the match; browsing by filters, the page's summary stands in where it has one.
 */
export function renderResult(data: PagefindResultData, labels: FacetLabels, query: string): HTMLLIElement {
  const type = data.filters['type']?.[0] ?? '';
  const link = element('a', { text: data.meta['title'] ?? data.url });
  link.href = data.url;
  link.dataset['result'] = '';
  const where = [
    ...(data.filters['venue'] ?? data.filters['conference']?.map((c) => labelOf(labels, 'conference', c)) ?? []),
    ...(type === 'paper' ? (data.filters['award'] ?? []) : []),
  ];
  const item = element(
    'li',
    { className: 'result' },
    element(
      'p',
      { className: 'kicker' },
      element('span', { className: 'type', text: labelOf(labels, 'type', type) }),
      ...(where.length > 0 ? [element('span', { className: 'where', text: where.join(' · ') })] : []),
    ),
    element('h3', {}, link),
  );
  const authors = data.meta['authors'];
  if (authors) item.append(element('p', { className: 'byline', text: authors }));
  const paper = type === 'paper' ? data.meta['paper'] : undefined;
  if (paper) {
    // The reading list's Save control, as SaveButton.astro renders it on reading pages.
    link.id = `result-title-${paper}`;
    const save = element('button', { className: 'save', text: 'Save' });
    save.type = 'button';
    save.hidden = true;
    save.dataset['save'] = paper;
    save.ariaPressed = 'false';
    save.setAttribute('aria-describedby', link.id);
    item.append(element('p', { className: 'actions' }, save));
  }
  const themes = type === 'theme' ? [] : (data.filters['theme'] ?? []).map((t) => labelOf(labels, 'theme', t));
  if (themes.length > 0) {
    item.append(element('p', { className: 'themes' }, element('span', { text: 'In ' }), themes.join(', ')));
  }
  if (query !== '' && data.excerpt !== '') {
    item.append(element('p', { className: 'excerpt' }, ...excerptNodes(data.excerpt)));
  } else if (data.meta['summary']) {
    item.append(element('p', { className: 'excerpt', text: data.meta['summary'] }));
  }
  return item;
}

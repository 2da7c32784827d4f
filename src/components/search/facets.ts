/**
 * The facet groups of the search page: one fieldset of checkboxes per filter key, built once from
 * the index's own values, then updated with each search's counts.
 */
import { FACET_TITLES, FACETS, isFacet, type Facet, type SearchState } from '../../lib/search-state';
import { element } from '../dom';
import type { FilterCounts } from './pagefind-api';

/** Labels of filter values that are ids or enums, in the site's order (from the build). */
export type FacetLabels = Partial<Record<Facet, Record<string, string>>>;

/** Groups longer than this show their first values and a "show all" button. */
const COLLAPSE_AFTER = 8;
const COLLAPSED_SIZE = 6;

export const labelOf = (labels: FacetLabels, facet: Facet, value: string): string => labels[facet]?.[value] ?? value;

export class FacetPanel {
  constructor(
    /** The element the groups go into. */
    private readonly root: HTMLElement,
    private readonly labels: FacetLabels,
  ) {
    root.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-expand]') : null;
      if (button instanceof HTMLButtonElement) this.expand(button);
    });
  }

  private boxes(): HTMLInputElement[] {
    return [...this.root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  }

  /** Values in a stable order: the site's own order where it has one, newest year first, else A–Z. */
  private ordered(facet: Facet, values: string[]): string[] {
    const known = Object.keys(this.labels[facet] ?? {});
    if (facet === 'year') return [...values].sort((a, b) => b.localeCompare(a));
    return [...values].sort((a, b) => {
      const ia = known.indexOf(a);
      const ib = known.indexOf(b);
      if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
      return a.localeCompare(b, 'en', { sensitivity: 'base' });
    });
  }

  /**
   * One group per facet whose values can narrow anything (a single value every page carries is
   * left out, unless the address selected it).
   */
  build(totals: FilterCounts, pageCount: number, state: SearchState): void {
    const groups: HTMLElement[] = [];
    for (const facet of FACETS) {
      const facetTotals = totals[facet] ?? {};
      const values = this.ordered(facet, Object.keys(facetTotals));
      const narrows = values.some((v) => (facetTotals[v] ?? 0) < pageCount);
      if (values.length === 0 || (!narrows && state.filters[facet].length === 0)) continue;
      const list = element('ul');
      values.forEach((value, i) => {
        const box = element('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.id = `facet-${facet}-${i}`;
        const text = element('span', { className: 'value', text: labelOf(this.labels, facet, value) });
        const item = element('li', {}, element('label', {}, box, text, element('span', { className: 'count' })));
        item.dataset['rank'] = String(i);
        list.append(item);
      });
      const fieldset = element(
        'fieldset',
        { className: 'facet' },
        element('legend', { text: FACET_TITLES[facet] }),
        list,
      );
      fieldset.dataset['facet'] = facet;
      if (values.length > COLLAPSE_AFTER) {
        const button = element('button', { className: 'expand', text: `Show all ${values.length}` });
        button.type = 'button';
        button.dataset['expand'] = '';
        button.setAttribute('aria-expanded', 'false');
        fieldset.append(button);
      }
      groups.push(fieldset);
    }
    this.root.replaceChildren(...groups);
    this.select(state);
  }

  /** Checks the boxes of the state's values. */
  select(state: SearchState): void {
    for (const box of this.boxes()) {
      if (isFacet(box.name)) box.checked = state.filters[box.name].includes(box.value);
    }
    this.collapse();
  }

  /** Shows each value's count; a value that would leave no result is disabled unless selected. */
  showCounts(counts: FilterCounts): void {
    for (const box of this.boxes()) {
      const n = counts[box.name]?.[box.value] ?? 0;
      const count = box.parentElement?.querySelector('.count');
      if (count) count.textContent = String(n);
      box.disabled = n === 0 && !box.checked;
      box.closest('li')?.classList.toggle('none', n === 0);
    }
    this.collapse();
  }

  /** Moves focus to the next (step 1) or previous (-1) usable value; false at either end. */
  move(from: HTMLInputElement, step: 1 | -1): boolean {
    const usable = this.boxes().filter((b) => !b.disabled && b.closest('[hidden]') === null);
    const next = usable[usable.indexOf(from) + step];
    next?.focus();
    return next !== undefined;
  }

  private expand(button: HTMLButtonElement): void {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    const size = button.closest('fieldset')?.querySelectorAll('li').length ?? 0;
    button.textContent = open ? 'Show fewer' : `Show all ${size}`;
    this.collapse();
  }

  /** Hides the tail of long groups unless expanded; selected values always stay visible. */
  private collapse(): void {
    for (const fieldset of this.root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
      const open = fieldset.querySelector('[data-expand]')?.getAttribute('aria-expanded') !== 'false';
      for (const item of fieldset.querySelectorAll<HTMLLIElement>('li')) {
        const checked = item.querySelector('input')?.checked ?? false;
        item.hidden = !open && !checked && Number(item.dataset['rank']) >= COLLAPSED_SIZE;
      }
    }
  }
}

/**
 * The search page's `<search-app>` element: a query box, facet groups with disjunctive counts and a
 * result list, on Pagefind's JS API. The address bar carries the state (`?q=...&theme=...`), so
 * reload, back/forward and shared links restore the same search. Loaded only by the search page.
 */
import {
  emptyState,
  hasCriteria,
  isFacet,
  parseState,
  SEARCH_RANKING,
  selectedFacets,
  serializeState,
  toPagefindFilters,
  type SearchState,
} from '../../lib/search-state';
import { count as plural } from '../../lib/text';
import { FacetPanel, type FacetLabels } from './facets';
import type { FilterCounts, PagefindModule, PagefindResponse, PagefindResult } from './pagefind-api';
import { yieldToBrowser } from '../dom';
import { renderResult } from './result';
import { EXPORT_LIMIT, exportResults } from './export-results';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;

/** The parts of the search page the controller reads and updates. */
interface SearchUi {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  groups: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  empty: HTMLElement;
  emptyText: HTMLElement;
  clearFilters: HTMLButtonElement;
  /** The filters' disclosure: closed on narrow screens, so the results come first. */
  filterPanel: HTMLDetailsElement;
  /** How many filter values are on, in the disclosure's summary. */
  activeFilters: HTMLElement;
  reset: HTMLButtonElement;
  browse: HTMLElement;
  /** The export bar: the papers found as BibTeX, or into the reading list. */
  exportBar: HTMLElement;
  exportNote: HTMLElement;
  exportStatus: HTMLElement;
}

/** Runs one search page: its state, Pagefind, and the elements that show them. */
class SearchController {
  private readonly facets: FacetPanel;
  private pagefind: PagefindModule | undefined;
  private state: SearchState = emptyState();
  private totals: FilterCounts = {};
  private pageCount = 0;
  private results: PagefindResult[] = [];
  /** The papers among the shown results, all of them, for the export bar. */
  private papers: PagefindResult[] = [];
  /** The state the listed results answer. */
  private shownState: SearchState = emptyState();
  private shown = 0;
  /** Increases with every search, so a slow answer to an older search is dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the current history entry belongs to the query being typed (replaced, not pushed). */
  private typing = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ui: SearchUi,
    private readonly labels: FacetLabels,
  ) {
    this.facets = new FacetPanel(ui.groups, labels);
  }

  /** Wires the page up, then loads Pagefind and runs the search the address asks for. */
  async start(): Promise<void> {
    this.listen();
    const bundle = this.root.dataset['bundle'] ?? '/pagefind/';
    this.state = parseState(window.location.search);
    this.showState();
    this.setStatus('Loading search…');
    try {
      const pagefind: PagefindModule = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
      await pagefind.options({
        basePath: bundle,
        baseUrl: this.root.dataset['base'] ?? '/',
        excerptLength: 24,
        ranking: SEARCH_RANKING,
      });
      this.totals = await pagefind.filters();
      this.pagefind = pagefind;
      await yieldToBrowser();
    } catch (error) {
      this.setStatus('Search could not load its index. Reload the page to try again.');
      throw error;
    }
    this.pageCount = Object.values(this.totals['type'] ?? {}).reduce((sum, n) => sum + n, 0);
    this.facets.build(this.totals, this.pageCount, this.state);
    if (document.activeElement === document.body || document.activeElement === null) this.ui.input.focus();
    await yieldToBrowser();
    await this.update();
  }

  private listen(): void {
    const { ui } = this;
    // Open beside the results on wide screens, one control above them on narrow ones.
    const wide = window.matchMedia('(min-width: 56rem)');
    ui.filterPanel.open = wide.matches;
    wide.addEventListener('change', (event) => {
      ui.filterPanel.open = event.matches;
    });
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.setQuery(ui.input.value);
    });
    ui.input.addEventListener('input', () => {
      void this.pagefind?.preload(ui.input.value.trim());
      this.state.query = ui.input.value.trim();
      this.commit(this.typing ? 'replace' : 'push');
      this.typing = true;
      this.pending();
      this.timer = setTimeout(() => void this.update(), DEBOUNCE_MS);
    });
    ui.input.addEventListener('blur', () => {
      this.typing = false;
    });
    ui.groups.addEventListener('change', (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !isFacet(box.name)) return;
      const values = this.state.filters[box.name].filter((v) => v !== box.value);
      this.state.filters[box.name] = box.checked ? [...values, box.value] : values;
      void this.change();
    });
    ui.more.addEventListener('click', () => {
      const generation = this.generation;
      ui.list.setAttribute('aria-busy', 'true');
      void this.showMore(true).then(() => {
        if (generation === this.generation) ui.list.setAttribute('aria-busy', 'false');
      });
    });
    ui.browse.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[data-browse-link]') : null;
      if (!(link instanceof HTMLAnchorElement) || !this.pagefind) return;
      event.preventDefault();
      this.state = parseState(link.search);
      void this.change().then(() => ui.list.querySelector('a')?.focus());
    });
    ui.clearFilters.addEventListener('click', () => {
      this.state = { ...emptyState(), query: this.state.query };
      void this.change();
      ui.input.focus();
    });
    ui.reset.addEventListener('click', () => {
      this.state = emptyState();
      void this.change();
      ui.input.focus();
    });
    ui.exportBar.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('button[data-export]') : null;
      if (!(button instanceof HTMLButtonElement)) return;
      const action = button.dataset['export'] === 'save' ? 'save' : 'bibtex';
      ui.exportStatus.textContent = 'Preparing…';
      const data = { shardUrl: this.root.dataset['shardUrl'] ?? '', shards: Number(this.root.dataset['shards'] ?? 1) };
      exportResults(this.papers, action, data).then(
        (message) => (ui.exportStatus.textContent = message),
        (error: Error) => (ui.exportStatus.textContent = `The export failed: ${error.message}`),
      );
    });
    this.root.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('popstate', () => {
      this.state = parseState(window.location.search);
      this.typing = false;
      this.showState();
      void this.update();
    });
  }

  /** Keyboard: ↓/↑ through results and through facet values, Escape clears the query. */
  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { ui } = this;
    const target = event.target;
    if (event.key === 'Escape' && this.state.query !== '') {
      event.preventDefault();
      this.setQuery('');
      ui.input.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const links = [...ui.list.querySelectorAll<HTMLAnchorElement>('a[data-result]')];
    if (target === ui.input) {
      if (step === 1 && links[0]) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (target instanceof HTMLAnchorElement && links.includes(target)) {
      event.preventDefault();
      const next = links[links.indexOf(target) + step];
      if (next) next.focus();
      else if (step === -1) ui.input.focus();
      else if (!ui.more.hidden) ui.more.focus();
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      if (this.facets.move(target, step)) event.preventDefault();
    }
  }

  /** A new query from the form (Enter, Escape, reset): its own history entry, searched at once. */
  private setQuery(value: string): void {
    this.ui.input.value = value;
    this.state.query = value.trim();
    this.typing = false;
    this.commit('push');
    void this.update();
  }

  /** A change other than typing: its own history entry, searched at once. */
  private change(): Promise<void> {
    this.typing = false;
    this.showState();
    this.commit('push');
    return this.update();
  }

  private commit(mode: 'push' | 'replace'): void {
    const url = `${window.location.pathname}${serializeState(this.state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }

  /** Puts the state into the form controls (after load, back/forward and resets). */
  private showState(): void {
    if (this.ui.input.value.trim() !== this.state.query) this.ui.input.value = this.state.query;
    this.facets.select(this.state);
  }

  /**
   * Marks the results as out of date: a search is due. Answers to earlier searches are dropped,
   * and `aria-busy` tells assistive technology (and tests) to wait.
   */
  private pending(): void {
    clearTimeout(this.timer);
    this.generation += 1;
    this.ui.list.setAttribute('aria-busy', 'true');
  }

  /** Counts per value with the query and the other facets' selections (disjunctive faceting). */
  private async facetCounts(state: SearchState, term: string | null, main: PagefindResponse): Promise<FilterCounts> {
    const counts: FilterCounts = { ...main.filters };
    const pagefind = this.pagefind;
    if (!pagefind) return counts;
    await Promise.all(
      selectedFacets(state).map(async (facet) => {
        const others = toPagefindFilters(state.filters, facet);
        if (term === null && Object.keys(others).length === 0) {
          counts[facet] = this.totals[facet] ?? {};
          return;
        }
        const response = await pagefind.search(term, { filters: others });
        counts[facet] = response?.filters[facet] ?? {};
      }),
    );
    return counts;
  }

  private async update(): Promise<void> {
    const pagefind = this.pagefind;
    if (!pagefind) return;
    this.pending();
    const generation = this.generation;
    const state = structuredClone(this.state);
    this.ui.clearFilters.hidden = selectedFacets(state).length === 0;
    const active = selectedFacets(state).flatMap((f) => state.filters[f]).length;
    this.ui.activeFilters.textContent = active === 0 ? '' : `${active} active`;
    this.ui.browse.hidden = hasCriteria(state);
    this.ui.exportBar.hidden = true;
    this.ui.exportStatus.textContent = '';
    if (!hasCriteria(state)) {
      this.results = [];
      this.ui.list.replaceChildren();
      this.ui.more.hidden = true;
      this.ui.empty.hidden = true;
      this.facets.showCounts(this.totals);
      this.setStatus(`Type to search ${plural(this.pageCount, 'page')}, or choose filters to browse.`);
      this.ui.list.setAttribute('aria-busy', 'false');
      return;
    }
    const term = state.query === '' ? null : state.query;
    const main = await pagefind.search(term, { filters: toPagefindFilters(state.filters) });
    if (!main || generation !== this.generation) return;
    const [counts, papers] = await Promise.all([this.facetCounts(state, term, main), this.paperResults(state, term)]);
    if (generation !== this.generation) return;
    this.papers = papers;
    this.results = main.results;
    this.shown = 0;
    this.shownState = state;
    this.ui.list.replaceChildren();
    this.facets.showCounts(counts);
    await this.showMore(false);
    if (generation !== this.generation) return;
    this.announce(state);
    this.showExport();
    this.ui.list.setAttribute('aria-busy', 'false');
  }

  /** Every paper the search finds, whatever else it finds: what the export bar takes away. */
  private async paperResults(state: SearchState, term: string | null): Promise<PagefindResult[]> {
    const types = state.filters.type;
    if (!this.pagefind || (types.length > 0 && !types.includes('paper'))) return [];
    const filters = toPagefindFilters({ ...state.filters, type: ['paper'] });
    return (await this.pagefind.search(term, { filters }))?.results ?? [];
  }

  private showExport(): void {
    const n = this.papers.length;
    this.ui.exportBar.hidden = n === 0;
    const these = n === 1 ? 'this paper' : `these ${plural(n, 'paper')}`;
    for (const button of this.ui.exportBar.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
      button.textContent = button.dataset['export'] === 'save' ? `Save ${these} to my list` : `BibTeX of ${these}`;
    }
    this.ui.exportNote.textContent =
      n > EXPORT_LIMIT ? `Exports take the first ${EXPORT_LIMIT.toLocaleString('en')} papers in this order.` : '';
  }

  /** The result count for the live region, and the "no results" panel. */
  private announce(state: SearchState): void {
    const { query } = state;
    const n = this.results.length;
    const filters = selectedFacets(state).flatMap((f) => state.filters[f]).length;
    const what = query === '' ? '' : ` for “${query}”`;
    const narrowed = filters === 0 ? '' : `, ${plural(filters, 'filter')} applied`;
    this.setStatus(n === 0 ? `No results${what}${narrowed}.` : `${plural(n, 'result')}${what}${narrowed}.`);
    this.ui.empty.hidden = n !== 0;
    if (n === 0) {
      this.ui.emptyText.textContent =
        filters === 0
          ? `Nothing matches “${query}”. Check the spelling or try fewer words.`
          : `Nothing matches${what} with the ${plural(filters, 'filter')} you chose.`;
    }
  }

  /** Loads and lists the next page of results; `focus` moves focus to the first new one. */
  private async showMore(focus: boolean): Promise<void> {
    const generation = this.generation;
    const slice = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const data = await Promise.all(slice.map((r) => r.data()));
    if (generation !== this.generation) return;
    const items = data.map((d) => renderResult(d, this.labels, this.shownState.query));
    this.ui.list.append(...items);
    // The reading list's controls in the new results show whether each paper is saved.
    dispatchEvent(new Event('reading-list'));
    this.shown += slice.length;
    const left = this.results.length - this.shown;
    this.ui.more.hidden = left <= 0;
    this.ui.more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} left)`;
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  private setStatus(text: string): void {
    this.ui.status.textContent = text;
  }
}

/** The element: finds its parts and starts a controller, except in `astro dev` (no index there). */
class SearchApp extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset['dev'] !== undefined) return;
    const find = <T extends Element>(selector: string): T => {
      const found = this.querySelector<T>(selector);
      if (!found) throw new Error(`search page: missing ${selector}`);
      return found;
    };
    const ui: SearchUi = {
      form: find('form'),
      input: find('input[type="search"]'),
      status: find('[data-status]'),
      groups: find('[data-facet-groups]'),
      list: find('[data-results]'),
      more: find('[data-more]'),
      empty: find('[data-empty]'),
      emptyText: find('[data-empty-text]'),
      clearFilters: find('[data-clear-filters]'),
      filterPanel: find('[data-filter-panel]'),
      activeFilters: find('[data-active-filters]'),
      reset: find('[data-reset]'),
      browse: find('[data-browse]'),
      exportBar: find('[data-export-bar]'),
      exportNote: find('[data-export-note]'),
      exportStatus: find('[data-export-status]'),
    };
    const labels: FacetLabels = JSON.parse(this.dataset['labels'] ?? '{}');
    void new SearchController(this, ui, labels).start();
  }
}

customElements.define('search-app', SearchApp);

/**
 * The reading-list page: the reader's saved papers with their exports and a share link, a shared
 * list opened from such a link, or a way out of a stored list that cannot be read. The stored
 * form is read and written only through `lib/reading-list.ts`.
 */
import { BIBTEX_MEDIA_TYPE } from '../../lib/bibtex';
import { readIds, serializeList, storageKey, toggle } from '../../lib/reading-list';
import {
  addAll,
  markdownList,
  shareUrl,
  sharedIds,
  unreadableReason,
  type ListedPaper,
} from '../../lib/reading-list-data';
import { count } from '../../lib/text';
import { element } from '../dom';
import { bibtexOf, copy, cslJsonOf, download } from './exports';
import { loadPapers, type PaperData } from './papers-data';

const key = storageKey(import.meta.env.BASE_URL);

class ReadingList extends HTMLElement {
  #data: PaperData = { shardUrl: '', shards: 1 };
  #papers = new Map<string, ListedPaper>();
  #shared: string[] | undefined;

  connectedCallback() {
    this.#data = { shardUrl: this.dataset['shardUrl'] ?? '', shards: Number(this.dataset['shards'] ?? 1) };
    this.#shared = sharedIds(location.search);
    this.querySelector<HTMLElement>('[data-needs-script]')!.hidden = true;
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-action]');
      if (button) void this.#act(button.dataset['action']!, button.dataset['id']);
    });
    // Another tab saved or removed a paper: show the list as it is now.
    addEventListener('storage', (event) => {
      if (event.key === key) void this.#render();
    });
    void this.#render();
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #status(text: string) {
    this.#part('[data-status]').textContent = text;
  }

  /** The stored list, or why it cannot be read and what was stored (kept, to copy before a reset). */
  #stored(): { ok: true; ids: string[] } | { ok: false; reason: string; raw: string } {
    let raw: string | null;
    try {
      raw = localStorage.getItem(key);
    } catch {
      return { ok: false, reason: 'this browser does not let the page use its storage', raw: '' };
    }
    const ids = readIds(raw);
    return ids ? { ok: true, ids } : { ok: false, reason: unreadableReason(raw!), raw: raw! };
  }

  #save(ids: readonly string[]) {
    localStorage.setItem(key, serializeList(ids));
    // The header's count and any Save button on this page follow.
    dispatchEvent(new Event('reading-list'));
  }

  /** Loads the data of papers not loaded yet; a failure is said, and the ids still listed. */
  async #load(ids: readonly string[]) {
    const missing = ids.filter((id) => !this.#papers.has(id));
    if (missing.length === 0) return;
    try {
      for (const [id, paper] of await loadPapers(missing, this.#data)) this.#papers.set(id, paper);
    } catch (error) {
      this.#status(`The papers’ details could not be loaded (${(error as Error).message}).`);
    }
  }

  async #render() {
    const stored = this.#stored();
    const views = ['unreadable', 'shared', 'mine'] as const;
    const show = (view: (typeof views)[number] | undefined) => {
      for (const v of views) this.#part(`[data-view="${v}"]`).hidden = v !== view;
    };
    if (!stored.ok) {
      show('unreadable');
      this.#part('[data-reason]').textContent = stored.reason;
      this.#part('[data-raw]').textContent = stored.raw;
      return;
    }
    const mine = stored.ids;
    if (this.#shared) {
      await this.#load(this.#shared);
      show('shared');
      const known = this.#shared.filter((id) => this.#papers.has(id));
      const unsaved = known.filter((id) => !mine.includes(id));
      this.#part('[data-shared-summary]').textContent =
        `Someone shared ${count(this.#shared.length, 'paper')} with you` +
        (unsaved.length < known.length
          ? `; ${count(known.length - unsaved.length, 'is', 'are')} in your list already.`
          : '.');
      this.#part<HTMLButtonElement>('[data-action="save-all"]').disabled = unsaved.length === 0;
      this.#fill('shared', this.#shared, (id) => ({
        label: mine.includes(id) ? 'Saved' : 'Save',
        pressed: mine.includes(id),
        action: 'toggle',
      }));
      return;
    }
    await this.#load(mine);
    show('mine');
    const unknown = mine.filter((id) => !this.#papers.has(id)).length;
    this.#part('[data-mine-summary]').textContent =
      mine.length === 0
        ? ''
        : `${count(mine.length, 'paper')} saved` +
          (unknown > 0 ? `, of which ${count(unknown, 'is', 'are')} no longer in this digest.` : '.');
    this.#part('[data-when-saved]').hidden = mine.length === 0;
    this.#part('[data-when-empty]').hidden = mine.length > 0;
    if (mine.length === 0) this.#part('[data-share]').hidden = true;
    this.#fill('mine', mine, () => ({ label: 'Remove', action: 'remove' }));
  }

  /** Lists papers from the item template; an id the digest does not have is listed as such. */
  #fill(
    list: 'mine' | 'shared',
    ids: readonly string[],
    button: (id: string) => { label: string; action: string; pressed?: boolean },
  ) {
    const template = this.#part<HTMLTemplateElement>('template[data-item]');
    const items = ids.map((id) => {
      const item = template.content.firstElementChild!.cloneNode(true) as HTMLLIElement;
      const field = <T extends HTMLElement = HTMLElement>(name: string) =>
        item.querySelector<T>(`[data-field="${name}"]`)!;
      const paper = this.#papers.get(id);
      const titleId = `${list}-title-${id}`;
      const title = field<HTMLAnchorElement>('title');
      title.id = titleId;
      if (paper) {
        title.href = paper.page;
        title.textContent = paper.title;
        field('authors').textContent = paper.authors.join(', ');
        field('venue').textContent = paper.award ? `${paper.venue} · ${paper.award}` : paper.venue;
        const links: [string, string][] = [];
        if (paper.record) links.push([paper.arxiv ? `arXiv:${paper.arxiv}` : 'Record', paper.record]);
        if (paper.pdf) links.push(['PDF', paper.pdf]);
        fillLinks(field('links'), '', links);
        fillLinks(
          field('themes'),
          'Discussed in ',
          paper.themes.map((t): [string, string] => [t.title, t.url]),
        );
      } else {
        item.classList.add('unknown');
        title.removeAttribute('href');
        title.textContent = `“${id}” is not in this digest`;
        field('authors').parentElement!.textContent =
          'No paper of this digest has this id now: it may have been renamed or removed since it was saved.';
        field('links').remove();
        field('themes').remove();
      }
      const { label, action, pressed } = button(id);
      const control = field<HTMLButtonElement>('button');
      control.textContent = label;
      control.dataset['action'] = action;
      control.dataset['id'] = id;
      control.setAttribute('aria-describedby', titleId);
      if (pressed !== undefined) control.ariaPressed = String(pressed);
      return item;
    });
    this.#part(`[data-papers="${list}"]`).replaceChildren(...items);
  }

  async #act(action: string, id: string | undefined) {
    const stored = this.#stored();
    if (action === 'reset') {
      localStorage.removeItem(key);
      this.#save([]);
      this.#status('The reading list was reset. It is empty now.');
      return this.#render();
    }
    if (action === 'copy-raw') {
      const copied = stored.ok ? false : await copy(stored.raw);
      return this.#status(copied ? 'What was stored is on the clipboard.' : 'The clipboard cannot be used here.');
    }
    if (!stored.ok) return this.#render();
    const mine = stored.ids;
    const saved = mine.map((i) => this.#papers.get(i)).filter((p): p is ListedPaper => p !== undefined);
    switch (action) {
      case 'toggle':
      case 'remove': {
        this.#save(toggle(mine, id!));
        const title = this.#papers.get(id!)?.title ?? id!;
        this.#status(mine.includes(id!) ? `Removed “${title}”.` : `Saved “${title}”.`);
        break;
      }
      case 'save-all': {
        const known = (this.#shared ?? []).filter((i) => this.#papers.has(i));
        const added = known.filter((i) => !mine.includes(i)).length;
        this.#save(addAll(mine, known));
        this.#status(`Saved ${count(added, 'paper')} to your list.`);
        break;
      }
      case 'clear':
        if (!confirm(`Remove all ${count(mine.length, 'paper')} from your reading list?`)) return;
        this.#save([]);
        this.#status('The reading list is empty now.');
        break;
      case 'download-bib':
        download('reading-list.bib', BIBTEX_MEDIA_TYPE, bibtexOf(saved));
        return this.#status(`Downloading BibTeX for ${count(saved.length, 'paper')}.`);
      case 'download-csl':
        download('reading-list.json', 'application/vnd.citationstyles.csl+json', cslJsonOf(saved));
        return this.#status(`Downloading CSL-JSON for ${count(saved.length, 'paper')}.`);
      case 'copy-bib':
        return this.#status(
          (await copy(bibtexOf(saved)))
            ? `BibTeX for ${count(saved.length, 'paper')} copied.`
            : 'The clipboard cannot be used here.',
        );
      case 'copy-markdown':
        return this.#status(
          (await copy(markdownList(saved, location.origin)))
            ? `A Markdown list of ${count(saved.length, 'paper')} copied.`
            : 'The clipboard cannot be used here.',
        );
      case 'share': {
        const box = this.#part<HTMLInputElement>('[data-share-url]');
        box.value = shareUrl(location.href, mine);
        this.#part('[data-share]').hidden = false;
        box.select();
        return this.#status('The share link is ready: anyone who opens it sees these papers.');
      }
      case 'copy-share':
        return this.#status(
          (await copy(this.#part<HTMLInputElement>('[data-share-url]').value))
            ? 'Share link copied.'
            : 'The clipboard cannot be used here.',
        );
    }
    return this.#render();
  }
}

/** A line of links after a lead-in, separated by commas; removed when there are none. */
function fillLinks(line: HTMLElement, lead: string, links: readonly (readonly [string, string])[]) {
  if (links.length === 0) return line.remove();
  line.append(lead);
  links.forEach(([text, href], i) => {
    if (i > 0) line.append(', ');
    const a = element('a', { text });
    a.href = href;
    line.append(a);
  });
}

customElements.define('reading-list', ReadingList);

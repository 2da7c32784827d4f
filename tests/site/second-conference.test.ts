/**
 * A second conference is added by content alone: the fixture overlays one small conference on
 * the real content, and it must appear everywhere a conference appears.
 */
import { describe, expect, it } from 'vitest';
import { authorKey } from '../../src/lib/authors';
import { fixture, realContent, SITES } from '../helpers/build';
import { people, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const multi = new Dist(SITES.multi.dist);
const real = new Dist(SITES.real.dist);
const added = readContent(fixture('second-conference'));
const base = readContent(realContent);
const conference = added.conferences[0]!;
const id = conference.stem;

describe('a second conference added by content alone', () => {
  it('keeps every page of the first', () => {
    const missing = real.pages().filter((p) => !multi.has(p));
    expect(missing).toEqual([]);
  });

  it('is listed on the home page with its own page and themes', () => {
    expect(multi.page('/')(`a[href="/${id}/"]`).text()).toBe(conference.data['shortName']);
    const $ = multi.page(`/${id}/`);
    expect($('h1').text()).toBe(conference.data['shortName']);
    for (const t of added.themes) expect($(`section:has(#themes) a[href="/${id}/${t.stem}/"]`).length).toBe(1);
  });

  it('has its papers on the papers index and their own pages', () => {
    const index = multi.page('/papers/');
    expect(index(`#papers-${id}`).length).toBe(1);
    for (const p of added.papers) {
      expect(index(`a[href="/papers/${p.stem}/"]`).length, p.file).toBe(1);
      expect(multi.page(`/papers/${p.stem}/`)('h1').text()).toBe(p.data['title']);
    }
  });

  it('has its talks on the talks index and their own pages', () => {
    for (const t of added.talks) {
      expect(multi.page('/talks/')(`a[href="/talks/${id}/${t.stem}/"]`).length).toBe(1);
      expect(multi.has(`/talks/${id}/${t.stem}/`)).toBe(true);
    }
  });

  it('merges authors across spellings into one person, with a page once they have several papers', () => {
    const names = added.papers.flatMap((p) => p.data['authors'] as string[]);
    const keys = new Set(names.map(authorKey));
    expect(keys.size).toBeLessThan(names.length);
    const persons = people([...base.papers, ...added.papers]);
    for (const key of keys) {
      const person = persons.get(key);
      expect(multi.has(`/authors/${key}/`), key).toBe(person?.hasPage);
      if (!person?.hasPage) continue;
      const $ = multi.page(`/authors/${key}/`);
      for (const stem of person.papers) expect($(`a[href="/papers/${stem}/"]`).length, key).toBe(1);
    }
    expect([...keys].some((key) => persons.get(key)?.hasPage)).toBe(true);
  });

  it('links a paper of the first conference back to the new theme that cites it', () => {
    const baseIds = new Set(base.papers.map((p) => p.stem));
    const theme = added.themes[0]!;
    const crossCited = [...theme.body.matchAll(/@([a-z0-9_-]+)/g)].map((m) => m[1]!).filter((k) => baseIds.has(k));
    expect(crossCited.length).toBeGreaterThan(0);
    for (const key of crossCited) {
      const $ = multi.page(`/papers/${key}/`);
      expect($(`a[href="/${id}/${theme.stem}/#cite-${key}-1"]`).length, key).toBe(1);
    }
  });
});

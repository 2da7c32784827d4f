import { describe, expect, it } from 'vitest';
import { authorKey } from '../../src/lib/authors';
import { realContent, SITES } from '../helpers/build';
import { readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const str = (v: unknown) => String(v);

describe('a page for every content entity', () => {
  it('has a conference page for every conference, listed on the home page', () => {
    const home = dist.page('/');
    for (const c of content.conferences) {
      expect(dist.has(`/${c.stem}/`), c.file).toBe(true);
      expect(home(`a[href="/${c.stem}/"]`).length, c.file).toBeGreaterThan(0);
    }
  });

  it('has a page for every theme, linked from its conference page', () => {
    expect(content.themes.length).toBeGreaterThan(0);
    for (const t of content.themes) {
      const url = `/${str(t.data['conference'])}/${t.stem}/`;
      const $ = dist.page(url);
      expect($('h1').text(), t.file).toBe(t.data['title']);
      expect(dist.page(`/${str(t.data['conference'])}/`)(`a[href="${url}"]`).length, t.file).toBe(1);
    }
  });

  it('has a page for every paper with its full title and every author', () => {
    for (const p of content.papers) {
      const $ = dist.page(`/papers/${p.stem}/`);
      expect($('h1').text(), p.file).toBe(p.data['title']);
      const shown = $('header .authors a')
        .map((_, a) => $(a).text())
        .get();
      expect(shown, p.file).toEqual(p.data['authors']);
    }
  });

  it('has one page per person, and no other author pages', () => {
    const people = new Set(content.papers.flatMap((p) => (p.data['authors'] as string[]).map(authorKey)));
    for (const slug of people) expect(dist.has(`/authors/${slug}/`), slug).toBe(true);
    const built = dist.pages().filter((p) => /^\/authors\/[^/]+\/$/.test(p));
    expect(built).toHaveLength(people.size);
    expect(dist.page('/authors/')('main li a').length).toBe(people.size);
  });

  it('has a page for every talk, and keynotes on the conference page', () => {
    for (const t of content.talks) {
      const conference = str(t.data['conference']);
      const $ = dist.page(`/talks/${conference}/${t.stem}/`);
      expect($('h1').text(), t.file).toBe(t.data['title']);
      if (t.data['kind'] === 'keynote') {
        const conf = dist.page(`/${conference}/`);
        expect(conf(`a[href="/talks/${conference}/${t.stem}/"]`).length, t.file).toBeGreaterThan(0);
      }
    }
  });

  it('marks every awarded paper on its conference page', () => {
    for (const p of content.papers.filter((p) => p.data['award'])) {
      const conf = dist.page(`/${str(p.data['conference'])}/`);
      expect(conf(`section:has(#awards) a[href="/papers/${p.stem}/"]`).length, p.file).toBeGreaterThan(0);
    }
  });

  it('has a 404 page, a skip link and one main region on every page', () => {
    expect(dist.has('/404.html')).toBe(true);
    for (const path of dist.pages()) {
      const $ = dist.page(path);
      expect($('a.skip-link[href="#main"]').length, path).toBe(1);
      expect($('main#main').length, path).toBe(1);
      expect($('h1').length, path).toBe(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { authorKey } from '../../src/lib/authors';
import { realContent, SITES } from '../helpers/build';
import { people, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const persons = people(content.papers);

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
      const url = `/${t.conference}/${t.stem}/`;
      const $ = dist.page(url);
      expect($('h1').text(), t.file).toBe(t.data['title']);
      expect(dist.page(`/${t.conference}/`)(`section:has(#themes) a[href="${url}"]`).length, t.file).toBe(1);
    }
  });

  it('has a page for every paper with its full title and every author, linked where they have a page', () => {
    for (const p of content.papers) {
      const $ = dist.page(`/papers/${p.stem}/`);
      expect($('h1').text(), p.file).toBe(p.data['title']);
      const names = p.data['authors'] as string[];
      for (const name of names) expect($('header .authors').text(), p.file).toContain(name);
      const linked = $('header .authors a')
        .map((_, a) => $(a).attr('href'))
        .get();
      const withPages = names.map(authorKey).filter((key) => persons.get(key)?.hasPage);
      expect(linked, p.file).toEqual(withPages.map((key) => `/authors/${key}/`));
    }
  });

  it('has a page for every person with several papers, and no other author pages', () => {
    const withPages = [...persons].filter(([, person]) => person.hasPage).map(([key]) => `/authors/${key}/`);
    expect(withPages.length).toBeGreaterThan(0);
    for (const path of withPages) expect(dist.has(path), path).toBe(true);
    const built = dist.pages().filter((p) => /^\/authors\/[^/]+\/$/.test(p));
    expect(built.sort()).toEqual(withPages.sort());
  });

  it('lists everyone on the authors index, leading to their page or to their one paper', () => {
    const $ = dist.page('/authors/');
    const targets = $('main li a')
      .map((_, a) => $(a).attr('href'))
      .get();
    const expected = [...persons].map(([key, person]) =>
      person.hasPage ? `/authors/${key}/` : `/papers/${person.papers[0] ?? ''}/`,
    );
    expect(targets.sort()).toEqual(expected.sort());
  });

  it('has a page for every talk, and keynotes on the conference page', () => {
    for (const t of content.talks) {
      const conference = t.conference;
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
      const conf = dist.page(`/${p.conference}/`);
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

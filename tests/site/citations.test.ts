import { describe, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { citedKeys, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const themeUrl = (t: { stem: string; conference: string }) => `/${t.conference}/${t.stem}/`;

describe('citations resolve both ways', () => {
  it.each(content.themes.map((t) => [t.stem, t] as const))(
    '%s: reference list equals what the body cites',
    (_, theme) => {
      const $ = dist.page(themeUrl(theme));
      const listed = $('ol.references > li')
        .map((_, li) => $(li).attr('id'))
        .get();
      expect(listed).toEqual(citedKeys(theme.body).map((k) => `ref-${k}`));
    },
  );

  it.each(content.themes.map((t) => [t.stem, t] as const))(
    '%s: every inline citation points at its entry',
    (_, theme) => {
      const $ = dist.page(themeUrl(theme));
      const order = $('ol.references > li')
        .map((_, li) => $(li).attr('id'))
        .get();
      const links = $('.prose .citation a');
      expect(links.length).toBeGreaterThanOrEqual(order.length);
      links.each((_, a) => {
        const target = ($(a).attr('href') ?? '').slice(1);
        expect(order).toContain(target);
        expect($(a).text()).toBe(String(order.indexOf(target) + 1));
        expect($(`#${$(a).attr('id')}`).length).toBe(1);
      });
      for (const id of order) {
        const entry = $(`#${id}`);
        expect(entry.find(`a[href^="/papers/"]`).length, id).toBeGreaterThan(0);
        const back = entry.find('a.back').attr('href') ?? '';
        expect($(back).length, `${id} back-link ${back}`).toBe(1);
      }
    },
  );

  it('lists on each paper page exactly the themes that cite it, linking to the citation', () => {
    for (const paper of content.papers) {
      const citing = content.themes.filter((t) => citedKeys(t.body).includes(paper.stem));
      const $ = dist.page(`/papers/${paper.stem}/`);
      const links = $('section:has(#discussed) a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links, paper.file).toEqual(citing.map((t) => `${themeUrl(t)}#cite-${paper.stem}-1`));
      for (const href of links) {
        const [path = '', fragment = ''] = href.split('#');
        expect(dist.page(path)(`#${fragment}`).length, href).toBe(1);
      }
    }
  });

  it.each(content.themes.map((t) => [t.stem, t] as const))(
    '%s: every cited paper has a preview card with its record and its other themes',
    (_, theme) => {
      const $ = dist.page(themeUrl(theme));
      for (const key of citedKeys(theme.body)) {
        const paper = content.papers.find((p) => p.stem === key);
        const card = $(`#preview-${key}`);
        expect(card.length, key).toBe(1);
        expect(card.is('[popover][hidden][role="dialog"]'), key).toBe(true);
        expect(card.closest('[data-pagefind-ignore]').length, key).toBe(1);
        expect(
          $(`#${card.attr('aria-labelledby')}`)
            .text()
            .trim(),
          key,
        ).toBe(paper?.data['title']);
        expect(card.find(`a[href="/papers/${key}/"]`).length, key).toBeGreaterThan(0);
        const authors = paper?.data['authors'] as string[];
        for (const name of authors) expect(card.find('.authors').text(), key).toContain(name);
        const others = content.themes.filter((t) => t !== theme && citedKeys(t.body).includes(key));
        const listed = card
          .find('.also a')
          .map((_, a) => $(a).attr('href'))
          .get();
        expect(listed, key).toEqual(others.map((t) => `${themeUrl(t)}#cite-${key}-1`));
      }
    },
  );
});

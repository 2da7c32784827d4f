/**
 * Hindsight in the built site: every theme that cites papers has its "What happened next"
 * timeline, each follow-up its page, each paper page the later work that builds on it, and the
 * outlook a scorecard grading every forecast with its evidence (search over follow-ups is in
 * `search.test.ts`). Every expectation is derived from `content/`.
 */
import { describe, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { citedKeys, readContent, type RawEntry } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const text = (value: string) => value.replace(/\s+/g, ' ').trim();

interface Later {
  title: string;
  date: string;
  themes: string[];
  papers?: string[];
  arxiv?: string;
  doi?: string;
  url?: string;
}
const later = (e: RawEntry) => e.data as unknown as Later;
const pageOf = (e: RawEntry) => `/follow-ups/${e.conference}/${e.stem}/`;
/** Where a record's identifier leads, as the site must link it. */
const recordHref = (r: { arxiv?: string; doi?: string; url?: string }) =>
  r.arxiv ? `https://arxiv.org/abs/${r.arxiv}` : r.doi ? `https://doi.org/${r.doi}` : new URL(r.url!).href;
const byDate = (a: RawEntry, b: RawEntry) =>
  later(a).date.localeCompare(later(b).date) || later(a).title.localeCompare(later(b).title);

describe('What happened next', () => {
  const themes = content.themes.filter((t) => citedKeys(t.body).length > 0);

  it('is on every theme that cites papers, oldest first, each entry dated and linked', () => {
    expect(themes.length).toBeGreaterThan(0);
    for (const theme of themes) {
      const path = `/${theme.conference}/${theme.stem}/`;
      const expected = content.followUps
        .filter((f) => f.conference === theme.conference && later(f).themes.includes(theme.stem))
        .sort(byDate);
      expect(expected.length, `${path} has follow-ups in content/`).toBeGreaterThan(0);
      const $ = dist.page(path);
      const items = $('#what-happened-next').closest('section').find('ol.timeline > li');
      expect(items.map((_, li) => text($(li).find('h3').text())).get(), path).toEqual(
        expected.map((f) => later(f).title),
      );
      items.each((i, li) => {
        const f = expected[i]!;
        expect($(li).find('time').attr('datetime')).toBe(later(f).date);
        expect($(li).find('h3 a').attr('href')).toBe(pageOf(f));
        expect($(li).find(`a[href="${recordHref(later(f))}"]`).length, f.file).toBe(1);
      });
      expect($('#what-happened-next').closest('section').find('time[datetime]').first().text()).toBeTruthy();
      expect($('#what-happened-next').closest('section').text()).toMatch(/Last reviewed \d{1,2} \w+ \d{4}/);
    }
  });

  it('gives each follow-up a page with its record, its date and what it follows from', () => {
    expect(content.followUps.length).toBeGreaterThan(0);
    for (const f of content.followUps) {
      const $ = dist.page(pageOf(f));
      expect(text($('h1').text())).toBe(later(f).title);
      expect($(`a[href="${recordHref(later(f))}"]`).length, f.file).toBe(1);
      expect($('time').first().attr('datetime')).toBe(later(f).date);
      for (const slug of later(f).themes) {
        expect($(`a[href="/${f.conference}/${slug}/#next-${f.stem}"]`).length, `${f.file} → ${slug}`).toBe(1);
      }
      for (const id of later(f).papers ?? []) expect($(`a[href="/papers/${id}/"]`).length, f.file).toBeGreaterThan(0);
    }
  });

  it('is linked from the page of every paper a follow-up builds on', () => {
    for (const paper of content.papers) {
      const expected = content.followUps.filter((f) => (later(f).papers ?? []).includes(paper.stem)).sort(byDate);
      const $ = dist.page(`/papers/${paper.stem}/`);
      const links = $('#later').closest('section').find('li > a');
      expect(links.map((_, a) => $(a).attr('href')).get(), paper.stem).toEqual(expected.map(pageOf));
    }
  });
});

describe('the forecasts scorecard', () => {
  interface Graded {
    order: number;
    forecast: string;
    verdict: string;
    evidence: { title: string; arxiv?: string; doi?: string; url?: string }[];
  }
  const graded = (e: RawEntry) => e.data as unknown as Graded;

  it('grades every forecast on the outlook, in order, with its verdict and its evidence linked', () => {
    const conferences = [...new Set(content.forecasts.map((f) => f.conference))];
    expect(conferences.length).toBeGreaterThan(0);
    for (const conference of conferences) {
      const forecasts = content.forecasts
        .filter((f) => f.conference === conference)
        .sort((a, b) => graded(a).order - graded(b).order);
      const $ = dist.page(`/${conference}/outlook/`);
      const section = $('#scorecard').closest('section');
      const items = section.find('ol.forecasts > li');
      expect(items.map((_, li) => text($(li).find('h3').text())).get()).toEqual(
        forecasts.map((f) => text(graded(f).forecast)),
      );
      items.each((i, li) => {
        const f = graded(forecasts[i]!);
        const verdict = text($(li).find('.verdict .badge').text()).toLowerCase();
        expect(verdict === f.verdict || verdict === `${f.verdict} held`, `${verdict} for ${f.verdict}`).toBe(true);
        expect(
          $(li)
            .find('ul.evidence > li > a')
            .map((_, a) => $(a).attr('href'))
            .get(),
        ).toEqual(f.evidence.map(recordHref));
      });
      // The tally counts misses and hits alike.
      const tally = [...text(section.find('.tally').text()).matchAll(/: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(tally).toBe(forecasts.length);
      expect(section.text()).toMatch(/Last reviewed \d{1,2} \w+ \d{4}/);
      // The conference page points to it.
      expect(dist.page(`/${conference}/`)(`a[href="/${conference}/outlook/#scorecard"]`).length).toBe(1);
    }
  });
});

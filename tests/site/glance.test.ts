/**
 * The conference page's figures against the content, read directly: one mark per cited paper in
 * each theme's row, shaped by track and ringed for an award, each linking to its paper with a
 * name; the data tables give the same numbers as the marks; the months figure counts the arXiv
 * ids by month and marks the deadline the conference record gives.
 */
import { describe, expect, it } from 'vitest';
import { realContent, SITES } from '../helpers/build';
import { citedKeys, readContent } from '../helpers/content';
import { Dist } from '../helpers/dist';

const dist = new Dist(SITES.real.dist);
const content = readContent(realContent);
const TRACK_COLUMNS = ['conference', 'workshop', 'other'] as const;
const SHAPES = { conference: 'circle.track-conference', workshop: 'rect.track-workshop', other: 'polygon.track-other' };

describe.each(content.conferences.map((c) => [c.stem, c] as const))('the figures of %s', (id, conference) => {
  const $ = dist.page(`/${id}/`);
  const papers = content.papers.filter((p) => p.conference === id);
  const record = (key: string) => papers.find((p) => p.stem === key);
  const themes = content.themes
    .filter((t) => t.conference === id && citedKeys(t.body).length > 0)
    .sort((a, b) => Number(a.data['order']) - Number(b.data['order']));
  const rows = $('.glance .rows > li');
  const table = $('.glance table').first();

  it('draws one row per citing theme, one linked mark per cited paper, shaped by track', () => {
    const cited = new Set(themes.flatMap((t) => citedKeys(t.body)));
    const uncited = papers.filter((p) => !cited.has(p.stem));
    expect(rows.length).toBe(themes.length + (uncited.length > 0 ? 1 : 0));
    themes.forEach((theme, i) => {
      const row = rows.eq(i);
      expect(row.find('.label').text().trim()).toBe(theme.data['title']);
      const marks = row.find('svg a');
      const keys = citedKeys(theme.body);
      expect(marks.map((_, a) => $(a).attr('href')).get(), theme.stem).toEqual(keys.map((k) => `/papers/${k}/`));
      marks.each((j, a) => {
        const paper = record(keys[j]!)!;
        const track = paper.data['track'] as keyof typeof SHAPES;
        expect($(a).find(SHAPES[track]).length, keys[j]).toBe(1);
        expect($(a).find('circle.award').length, keys[j]).toBe(paper.data['award'] ? 1 : 0);
        expect($(a).attr('aria-label'), keys[j]).toContain(String(paper.data['title']));
      });
    });
  });

  it('gives in its table the numbers the marks show', () => {
    const body = table.find('tbody tr');
    expect(body.length).toBe(rows.length);
    rows.each((i, li) => {
      const cells = body
        .eq(i)
        .find('td')
        .map((_, td) => Number($(td).text()))
        .get();
      const marks = $(li).find('svg a');
      const byTrack = TRACK_COLUMNS.map((t) => marks.filter((_, a) => $(a).find(SHAPES[t]).length > 0).length);
      const awards = marks.filter((_, a) => $(a).find('circle.award').length > 0).length;
      expect(cells, $(li).find('.label').text()).toEqual([...byTrack, awards]);
      expect(body.eq(i).find('th').text().trim()).toBe($(li).find('.label').text().trim());
    });
  });

  it('counts papers by the month of their arXiv id, against the deadline of the record', () => {
    const months = new Map<string, number>();
    for (const p of papers) {
      const arxiv = p.data['arxiv'];
      if (typeof arxiv !== 'string') continue;
      const month = new Date(`20${arxiv.slice(0, 2)}-${arxiv.slice(2, 4)}-01T00:00:00Z`).toLocaleString('en-GB', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    const monthsTable = $('.glance table').eq(1);
    const shown = new Map(
      monthsTable
        .find('tbody tr')
        .map((_, tr) => [[$(tr).find('th').text().trim(), Number($(tr).find('td').text())]])
        .get() as [string, number][],
    );
    for (const [month, n] of months) expect(shown.get(month), month).toBe(n);
    expect([...shown.values()].reduce((a, b) => a + b, 0)).toBe([...months.values()].reduce((a, b) => a + b, 0));
    expect($('.glance svg.months rect.bar').length).toBe(shown.size);
    const deadlines = conference.data['deadlines'] as { paper: Date; source: string } | undefined;
    if (deadlines) {
      expect($('.glance svg.months line.deadline').length).toBe(1);
      const day = new Date(deadlines.paper).toLocaleString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      expect($('#months-caption').text()).toContain(day);
      expect($('#months-caption a').attr('href')).toBe(deadlines.source);
    }
  });
});

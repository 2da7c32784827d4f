import rss from '@astrojs/rss';
import { load } from 'cheerio';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog, type CatalogInput } from '../../src/lib/catalog';
import { conferenceFeed, siteFeed } from '../../src/lib/feeds';
import { conferenceEntry, outlookEntry, themeEntry } from '../helpers/records';

const conference = (id: string, year: number) =>
  conferenceEntry(id, year, { website: 'https://example.com/', summary: `The digest of ${id} & friends.` });
const theme = (conf: string, slug: string, order: number) =>
  themeEntry(conf, slug, '', { title: `Theme <${slug}>`, order, summary: `What ${slug} teaches.` });
const input: CatalogInput = {
  conferences: [conference('c1', 2016), conference('c2', 2017)],
  outlooks: [outlookEntry('c1', '', { summary: 'Next.' })],
  papers: [],
  themes: [theme('c1', 'second', 2), theme('c1', 'first', 1), theme('c2', 'only', 1)],
  talks: [],
};

beforeEach(() => {
  vi.stubEnv('BASE_URL', '/digest/');
  vi.stubEnv('SITE', 'https://example.org');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The feed as a reader gets it, parsed as XML. */
async function render(options: Parameters<typeof rss>[0]) {
  return load(await (await rss(options)).text(), { xml: true });
}

describe('feeds', () => {
  it('lists every conference overview, theme and outlook in the site feed, newest conference first', async () => {
    const $ = await render(siteFeed(buildCatalog(input)));
    expect($('channel > link').text()).toBe('https://example.org/digest/');
    expect(
      $('item > link')
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual([
      'https://example.org/digest/c2/',
      'https://example.org/digest/c2/only/',
      'https://example.org/digest/c1/',
      'https://example.org/digest/c1/first/',
      'https://example.org/digest/c1/second/',
      'https://example.org/digest/c1/outlook/',
    ]);
  });

  it('gives each conference a feed of its own pages, linking back to itself', async () => {
    const catalog = buildCatalog(input);
    const $ = await render(conferenceFeed(catalog.conference('c2')));
    expect($('channel > title').text()).toBe('C2 2017 · Conference Digest');
    expect($('channel > link').text()).toBe('https://example.org/digest/c2/');
    expect($('channel > atom\\:link').attr('href')).toBe('https://example.org/digest/c2/rss.xml');
    expect($('item')).toHaveLength(2);
  });

  it('escapes titles and summaries as XML text', async () => {
    const $ = await render(conferenceFeed(buildCatalog(input).conference('c1')));
    expect($('item > title').eq(1).text()).toBe('Theme <first> (C1 2016)');
    expect($('channel > description').text()).toBe('The digest of c1 & friends.');
  });

  it('dates each item from the content, so the feed is the same on every build', async () => {
    const c2 = conference('c2', 2017);
    const dated = {
      ...input,
      conferences: [conference('c1', 2016), { ...c2, data: { ...c2.data, published: new Date('2017-06-01') } }],
      themes: [
        themeEntry('c1', 'first', '', { order: 1, published: new Date('2016-07-01') }),
        theme('c1', 'second', 2),
        theme('c2', 'only', 1),
      ],
    };
    const $ = await render(siteFeed(buildCatalog(dated)));
    expect($('lastBuildDate')).toHaveLength(0);
    const dates = new Map(
      $('item')
        .map((_, item) => [
          [$(item).find('link').text(), new Date($(item).find('pubDate').text()).toISOString().slice(0, 10)],
        ])
        .get() as [string, string][],
    );
    // Its own date; else its conference's `published`; else the conference's last day.
    expect(dates.get('https://example.org/digest/c1/first/')).toBe('2016-07-01');
    expect(dates.get('https://example.org/digest/c1/second/')).toBe('2016-05-04');
    expect(dates.get('https://example.org/digest/c1/outlook/')).toBe('2016-05-04');
    expect(dates.get('https://example.org/digest/c2/')).toBe('2017-06-01');
    expect(dates.get('https://example.org/digest/c2/only/')).toBe('2017-06-01');
  });
});

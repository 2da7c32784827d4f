/**
 * RSS feeds built from the catalog: one for the whole site, one per conference. Items are the
 * editorial pages a reader follows (a conference's overview, its themes, its outlook), not
 * every paper record. Items carry no date because the content has none; feed readers order them
 * by when they first see them.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Catalog, Conference } from './catalog';
import { escapeHtml } from './math';
import { absoluteUrl, conferenceFeedUrl, conferenceUrl, homeUrl, outlookUrl, siteFeedUrl, themeUrl } from './urls';

/** Name of the site in feed titles. */
export const SITE_NAME = 'Conference Digest';

/** A feed as a page links it for feed readers. */
export interface FeedLink {
  title: string;
  /** Site path of the feed. */
  href: string;
}

export const siteFeedLink = (): FeedLink => ({ title: SITE_NAME, href: siteFeedUrl() });

export const conferenceFeedLink = (conference: Conference): FeedLink => ({
  title: `${conference.data.shortName} · ${SITE_NAME}`,
  href: conferenceFeedUrl(conference.id),
});

/** A conference's editorial pages, overview first, themes in reading order, then its outlook. */
function conferenceItems(conference: Conference): RSSFeedItem[] {
  const { data } = conference;
  const categories = [data.shortName];
  return [
    {
      title: `${data.shortName}: ${data.name}`,
      link: absoluteUrl(conferenceUrl(conference.id)),
      description: data.summary,
      categories,
    },
    ...conference.themes.map((theme) => ({
      title: `${theme.data.title} (${data.shortName})`,
      link: absoluteUrl(themeUrl(conference.id, theme.slug)),
      description: theme.data.summary,
      categories,
    })),
    ...(conference.outlook
      ? [
          {
            title: `${conference.outlook.data.title} (${data.shortName})`,
            link: absoluteUrl(outlookUrl(conference.id)),
            description: conference.outlook.data.summary,
            categories,
          },
        ]
      : []),
  ];
}

/** Channel metadata every feed shares: language and an Atom self link, as feed validators expect. */
function channel(selfPath: string): Pick<RSSOptions, 'xmlns' | 'customData' | 'trailingSlash'> {
  const self = escapeHtml(absoluteUrl(selfPath));
  return {
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  };
}

/** The feed of every digest, newest conference first. */
export function siteFeed(catalog: Catalog): RSSOptions {
  return {
    title: SITE_NAME,
    description:
      'Research conferences digested by trend theme: what was new, why it mattered, and every paper behind it.',
    site: absoluteUrl(homeUrl()),
    items: catalog.conferences.flatMap((c) => conferenceItems(c)),
    ...channel(siteFeedUrl()),
  };
}

/** The feed of one conference's digest. */
export function conferenceFeed(conference: Conference): RSSOptions {
  return {
    title: conferenceFeedLink(conference).title,
    description: conference.data.summary,
    site: absoluteUrl(conferenceUrl(conference.id)),
    items: conferenceItems(conference),
    ...channel(conferenceFeedUrl(conference.id)),
  };
}

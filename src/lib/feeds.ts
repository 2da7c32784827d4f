/**
 * RSS feeds built from the catalog: one for the whole site, one per conference. Items are the
 * editorial pages a reader follows (a conference's overview, its themes, its outlook), not
 * every paper record. Each item is dated with its page's `published` date (a theme's or outlook's
 * own, else its conference's, else the conference's last day), so feed readers can order them.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Catalog, Conference } from './catalog';
import { escapeHtml } from './math';
import { SITE_DESCRIPTION, SITE_NAME } from './site';
import { absoluteUrl, conferenceFeedUrl, conferenceUrl, homeUrl, outlookUrl, siteFeedUrl, themeUrl } from './urls';

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
      pubDate: conference.published,
      categories,
    },
    ...conference.themes.map((theme) => ({
      title: `${theme.data.title} (${data.shortName})`,
      link: absoluteUrl(themeUrl(conference.id, theme.slug)),
      description: theme.data.summary,
      pubDate: theme.published,
      categories,
    })),
    ...(conference.outlook
      ? [
          {
            title: `${conference.outlook.data.title} (${data.shortName})`,
            link: absoluteUrl(outlookUrl(conference.id)),
            description: conference.outlook.data.summary,
            pubDate: conference.outlook.published,
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
    description: SITE_DESCRIPTION,
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

/**
 * schema.org descriptions of every kind of page for search engines, typed with `schema-dts` so a
 * wrong property or type fails the type check (https://schema.org/ScholarlyArticle, Article,
 * CollectionPage, ProfilePage, Event, WebSite). Pure data: `serializeJsonLd` turns it into the
 * page's script element.
 */
import { isoDay } from './format';
import type {
  Article,
  CollectionPage,
  Event,
  Organization,
  Person,
  ProfilePage,
  ScholarlyArticle,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';
import type { Author, Conference, FollowUp, Paper, Talk, Theme } from './catalog';
import { identifierOf } from './hindsight';
import { splitMath } from './math';
import { SITE_DESCRIPTION, SITE_NAME } from './site';
import {
  absoluteUrl,
  authorUrl,
  conferenceUrl,
  followUpUrl,
  homeUrl,
  outlookUrl,
  paperRecordUrl,
  paperUrl,
  searchUrl,
  talkUrl,
  themeUrl,
} from './urls';

/** What a page's JSON-LD may be. */
export type PageJsonLd = WithContext<Article | CollectionPage | Event | ProfilePage | ScholarlyArticle | WebSite>;

const context = 'https://schema.org' as const;

/** Text with its `$...$` formulas as bare TeX: what a crawler can read of a summary. */
const plain = (text: string): string =>
  splitMath(text)
    .map((s) => s.value)
    .join('');

/** A date as schema.org wants it: the day, `2016-05-04`. */

/** The digest itself, which writes the themes: an organisation, not the papers' authors. */
const digest = (): Organization => ({ '@type': 'Organization', name: SITE_NAME, url: absoluteUrl(homeUrl()) });

/** The site as the part every page belongs to. */
const site = (): WebSite => ({ '@type': 'WebSite', name: SITE_NAME, url: absoluteUrl(homeUrl()) });

/** A conference as the event a page is about. */
function event(conference: Conference): Event {
  const { data } = conference;
  return {
    '@type': 'Event',
    name: data.name,
    alternateName: data.shortName,
    startDate: isoDay(data.dates.start),
    endDate: isoDay(data.dates.end),
    location: data.location,
    url: data.website,
  };
}

/** A paper as a ScholarlyArticle: title, authors, year, and `sameAs` its record outside the site. */
function scholarlyArticle(paper: Paper): ScholarlyArticle {
  const sameAs = paperRecordUrl(paper.data);
  return {
    '@type': 'ScholarlyArticle',
    '@id': `${absoluteUrl(paperUrl(paper.id))}#paper`,
    name: paper.data.title,
    headline: paper.data.title,
    author: paper.authors.map((a, i): Person => ({
      '@type': 'Person',
      name: paper.data.authors[i] ?? a.name,
      ...(a.hasPage ? { url: absoluteUrl(authorUrl(a.slug)) } : {}),
    })),
    datePublished: String(paper.data.year),
    url: absoluteUrl(paperUrl(paper.id)),
    ...(sameAs ? { sameAs } : {}),
  };
}

/**
 * A later work's page: a ScholarlyArticle for a paper, an Article for an announcement, dated to
 * the month, `sameAs` its record, and `about` the theme it grew out of.
 */
export function followUpJsonLd(followUp: FollowUp): WithContext<ScholarlyArticle | Article> {
  const { data } = followUp;
  const url = absoluteUrl(followUpUrl(followUp.conference.id, followUp.slug));
  return {
    '@context': context,
    '@type': data.kind === 'paper' ? 'ScholarlyArticle' : 'Article',
    '@id': `${url}#work`,
    name: data.title,
    headline: data.title,
    ...(data.authors ? { author: data.authors.map((name): Person => ({ '@type': 'Person', name })) } : {}),
    datePublished: data.date,
    description: data.summary,
    url,
    sameAs: identifierOf(data).href,
    about: followUp.themes.map((t) => ({
      '@type': 'Article' as const,
      name: t.data.title,
      url: absoluteUrl(themeUrl(t.conference.id, t.slug)),
    })),
  };
}

/** The JSON-LD of a paper's page. */
export function paperJsonLd(paper: Paper): WithContext<ScholarlyArticle> {
  return {
    '@context': context,
    ...scholarlyArticle(paper),
    description: plain(paper.data.summary),
    inLanguage: 'en',
    mainEntityOfPage: absoluteUrl(paperUrl(paper.id)),
    ...(paper.data.award ? { award: paper.data.award } : {}),
  };
}

/** An article of the digest: written by the digest, dated, about its conference. */
function digestArticle(url: string, headline: string, description: string, published: Date, conference: Conference) {
  return {
    '@context': context,
    '@type': 'Article',
    '@id': `${url}#article`,
    headline,
    description,
    url,
    mainEntityOfPage: url,
    inLanguage: 'en',
    datePublished: isoDay(published),
    author: digest(),
    publisher: digest(),
    isPartOf: site(),
    about: event(conference),
  } satisfies WithContext<Article>;
}

/** The JSON-LD of a theme's page: an Article about the conference that cites every paper it discusses. */
export function themeJsonLd(theme: Theme): WithContext<Article> {
  const url = absoluteUrl(themeUrl(theme.conference.id, theme.slug));
  return {
    ...digestArticle(url, theme.data.title, theme.data.summary, theme.published, theme.conference),
    citation: theme.papers.map((p) => scholarlyArticle(p)),
  };
}

/** The JSON-LD of an outlook: an Article of the digest, citing the papers it discusses. */
export function outlookJsonLd(conference: Conference): WithContext<Article> | undefined {
  const { outlook } = conference;
  if (!outlook) return undefined;
  const url = absoluteUrl(outlookUrl(conference.id));
  return {
    ...digestArticle(url, outlook.data.title, outlook.data.summary, outlook.published, conference),
    citation: outlook.references.map((p) => scholarlyArticle(p)),
  };
}

/** The JSON-LD of a conference's page: the digest's collection of themes about the event. */
export function conferenceJsonLd(conference: Conference): WithContext<CollectionPage> {
  const url = absoluteUrl(conferenceUrl(conference.id));
  return {
    '@context': context,
    '@type': 'CollectionPage',
    '@id': `${url}#page`,
    name: `${conference.data.shortName}: ${conference.data.name}`,
    description: conference.data.summary,
    url,
    inLanguage: 'en',
    datePublished: isoDay(conference.published),
    author: digest(),
    isPartOf: site(),
    about: event(conference),
    hasPart: conference.themes.map((t): Article => ({
      '@type': 'Article',
      '@id': `${absoluteUrl(themeUrl(conference.id, t.slug))}#article`,
      headline: t.data.title,
      url: absoluteUrl(themeUrl(conference.id, t.slug)),
    })),
  };
}

/** The JSON-LD of a talk's page: a part of the conference, given by its speaker. */
export function talkJsonLd(talk: Talk): WithContext<Event> {
  const { data } = talk;
  const url = absoluteUrl(talkUrl(talk.conference.id, talk.slug));
  return {
    '@context': context,
    '@type': 'Event',
    '@id': `${url}#talk`,
    name: data.title,
    url,
    ...(data.summary ? { description: data.summary } : {}),
    performer: {
      '@type': 'Person',
      name: data.speaker,
      ...(data.affiliation ? { affiliation: { '@type': 'Organization', name: data.affiliation } } : {}),
    },
    superEvent: event(talk.conference),
    location: talk.conference.data.location,
    ...(data.video ? { recordedIn: { '@type': 'VideoObject', name: data.title, url: data.video } } : {}),
    ...(talk.paper ? { workPresented: scholarlyArticle(talk.paper) } : {}),
  };
}

/** The JSON-LD of an author's page: the person, with the papers of theirs the digest holds. */
export function authorJsonLd(author: Author): WithContext<ProfilePage> {
  const url = absoluteUrl(authorUrl(author.slug));
  return {
    '@context': context,
    '@type': 'ProfilePage',
    url,
    isPartOf: site(),
    mainEntity: {
      '@type': 'Person',
      '@id': `${url}#person`,
      name: author.name,
      url,
      ...(author.spellings.length > 1 ? { alternateName: author.spellings.filter((s) => s !== author.name) } : {}),
      subjectOf: author.papers.map((p) => scholarlyArticle(p)),
    },
  };
}

/** The JSON-LD of an index page (papers, authors, talks). */
export function indexJsonLd(path: string, name: string, description: string): WithContext<CollectionPage> {
  const url = absoluteUrl(path);
  return { '@context': context, '@type': 'CollectionPage', name, description, url, inLanguage: 'en', isPartOf: site() };
}

/** The JSON-LD of the home page: the site, and how to search it. */
export function homeJsonLd(): WithContext<WebSite> {
  // Google's sitelinks search box reads `query-input`, which schema-dts types as an action constraint.
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(searchUrl())}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': context,
    ...site(),
    description: SITE_DESCRIPTION,
    inLanguage: 'en',
    potentialAction: search,
  };
}

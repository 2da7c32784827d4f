/**
 * schema.org descriptions of pages for search engines (https://schema.org/ScholarlyArticle,
 * https://schema.org/Article). Pure data: `serializeJsonLd` turns it into the page's script element.
 */
import type { Paper, Theme } from './catalog';
import type { JsonValue } from './json-ld';
import { splitMath } from './math';
import { absoluteUrl, authorUrl, paperRecordUrl, paperUrl, themeUrl } from './urls';

type Json = { [key: string]: JsonValue | undefined };

/** Text with its `$...$` formulas as bare TeX: what a crawler can read of a summary. */
const plain = (text: string): string =>
  splitMath(text)
    .map((s) => s.value)
    .join('');

/** A paper as a ScholarlyArticle: title, authors, year, and `sameAs` its arXiv record. */
function scholarlyArticle(paper: Paper): Json {
  const sameAs = paperRecordUrl(paper.data);
  return {
    '@type': 'ScholarlyArticle',
    '@id': `${absoluteUrl(paperUrl(paper.id))}#paper`,
    name: paper.data.title,
    headline: paper.data.title,
    author: paper.authors.map((a, i) => ({
      '@type': 'Person',
      name: paper.data.authors[i] ?? a.name,
      ...(a.hasPage ? { url: absoluteUrl(authorUrl(a.slug)) } : {}),
    })),
    datePublished: String(paper.data.year),
    url: absoluteUrl(paperUrl(paper.id)),
    ...(sameAs ? { sameAs } : {}),
  };
}

/** The JSON-LD of a paper's page. */
export function paperJsonLd(paper: Paper): Json {
  return {
    '@context': 'https://schema.org',
    ...scholarlyArticle(paper),
    description: plain(paper.data.summary),
    inLanguage: 'en',
    mainEntityOfPage: absoluteUrl(paperUrl(paper.id)),
    ...(paper.data.award ? { award: paper.data.award } : {}),
  };
}

/** The JSON-LD of a theme's page: an Article about the conference that cites every paper it discusses. */
export function themeJsonLd(theme: Theme): Json {
  const { conference } = theme;
  const url = absoluteUrl(themeUrl(conference.id, theme.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': `${url}#article`,
    headline: theme.data.title,
    description: theme.data.summary,
    url,
    mainEntityOfPage: url,
    inLanguage: 'en',
    about: {
      '@type': 'Event',
      name: conference.data.name,
      alternateName: conference.data.shortName,
      startDate: conference.data.dates.start.toISOString().slice(0, 10),
      endDate: conference.data.dates.end.toISOString().slice(0, 10),
      location: conference.data.location,
      url: conference.data.website,
    },
    citation: theme.papers.map((p) => scholarlyArticle(p)),
  };
}

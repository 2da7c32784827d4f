/**
 * Content entries as the collections give them to the catalog, for unit tests: each factory fills
 * every required field with a plausible value and takes overrides, and derives the id and file
 * path from the conference folder, as the loader does.
 */
import type { CatalogInput, Entry } from '../../src/lib/catalog';
import type {
  ConferenceData,
  FollowUpData,
  ForecastData,
  OutlookData,
  PaperData,
  TalkData,
  ThemeData,
} from '../../src/schemas';

export function conferenceEntry(id: string, year = 2016, data: Partial<ConferenceData> = {}): Entry<ConferenceData> {
  return {
    id,
    filePath: `content/conferences/${id}/index.mdx`,
    body: '',
    data: {
      name: `Conference ${id}`,
      shortName: `${id.toUpperCase()} ${year}`,
      year,
      dates: { start: new Date(`${year}-05-02`), end: new Date(`${year}-05-04`) },
      location: 'Somewhere',
      website: 'https://example.org/',
      summary: `The ${id} digest.`,
      ...data,
    },
  };
}

export function outlookEntry(conference: string, body = '', data: Partial<OutlookData> = {}): Entry<OutlookData> {
  return {
    id: conference,
    filePath: `content/conferences/${conference}/outlook.mdx`,
    body,
    data: { title: 'Outlook', summary: 'What comes next.', ...data },
  };
}

export function paperEntry(conference: string, id: string, data: Partial<PaperData> = {}): Entry<PaperData> {
  return {
    id: `${conference}/${id}`,
    filePath: `content/papers/${conference}/${id}.yaml`,
    data: {
      title: `Title of ${id}`,
      authors: ['Ada Lovelace'],
      venue: 'C1',
      year: 2016,
      track: 'conference',
      links: {},
      summary: 'Summary.',
      ...data,
    },
  };
}

export function themeEntry(
  conference: string,
  slug: string,
  body = '',
  data: Partial<ThemeData> = {},
): Entry<ThemeData> {
  return {
    id: `${conference}/${slug}`,
    filePath: `content/themes/${conference}/${slug}.mdx`,
    body,
    data: { title: `Theme ${slug}`, order: 1, summary: 'What you learn.', ...data },
  };
}

export function talkEntry(conference: string, slug: string, data: Partial<TalkData> = {}): Entry<TalkData> {
  return {
    id: `${conference}/${slug}`,
    filePath: `content/talks/${conference}/${slug}.yaml`,
    data: { speaker: 'Ada Lovelace', title: `Talk ${slug}`, kind: 'keynote', ...data },
  };
}

export function followUpEntry(conference: string, slug: string, data: Partial<FollowUpData> = {}): Entry<FollowUpData> {
  return {
    id: `${conference}/${slug}`,
    filePath: `content/follow-ups/${conference}/${slug}.yaml`,
    data: {
      title: `Later ${slug}`,
      kind: 'paper',
      date: '2018-03',
      authors: ['Grace Hopper'],
      arxiv: '1803.03635',
      themes: [],
      papers: [],
      summary: 'Why it matters.',
      ...data,
    },
  };
}

export function forecastEntry(conference: string, slug: string, data: Partial<ForecastData> = {}): Entry<ForecastData> {
  return {
    id: `${conference}/${slug}`,
    filePath: `content/forecasts/${conference}/${slug}.yaml`,
    data: {
      order: 1,
      forecast: `Forecast ${slug}.`,
      verdict: 'held',
      reasoning: 'Because.',
      evidence: [{ title: 'Evidence', date: '2017-04', arxiv: '1704.04861', what: 'Shows it.' }],
      ...data,
    },
  };
}

/** A catalog input with empty collections but those given. */
export const catalogInput = (parts: Partial<CatalogInput>): CatalogInput => ({
  conferences: [],
  outlooks: [],
  themes: [],
  papers: [],
  talks: [],
  ...parts,
});

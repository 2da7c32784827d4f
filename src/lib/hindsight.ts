/**
 * Hindsight: what happened after a conference. Follow-ups (later works and events) are linked to
 * the themes and papers they grew out of, forecasts are put in the source's order, and the rules
 * no schema can see are checked: themes and papers that exist, dates after the conference, no
 * identifier used twice, and a review date wherever there is hindsight to review.
 */
import type { EvidenceData, FollowUpData } from '../schemas';
import type { CatalogInput, Conference, Entry, FollowUp, Forecast, Paper } from './catalog';
import { identity, type CollectionName } from './content-files';
import type { ContentProblem } from './problems';
import { arxivAbsUrl, doiUrl } from './urls';

/** A record's one identifier, how to show it and where it leads. */
export interface Identifier {
  kind: 'arxiv' | 'doi' | 'url';
  value: string;
  label: string;
  href: string;
}

type Identified = Pick<FollowUpData | EvidenceData, 'arxiv' | 'doi' | 'url'>;

export function identifierOf(record: Identified): Identifier {
  if (record.arxiv)
    return { kind: 'arxiv', value: record.arxiv, label: `arXiv:${record.arxiv}`, href: arxivAbsUrl(record.arxiv) };
  if (record.doi) return { kind: 'doi', value: record.doi, label: `doi:${record.doi}`, href: doiUrl(record.doi) };
  const url = record.url ?? '';
  return { kind: 'url', value: url, label: new URL(url).hostname.replace(/^www\./, ''), href: url };
}

/** The key under which two records name the same work: DOIs are case-insensitive. */
const identityKey = (id: Identifier) => `${id.kind}:${id.kind === 'doi' ? id.value.toLowerCase() : id.value}`;

type Report = (
  e: Entry<unknown>,
  collection: CollectionName,
) => (field: string, found: string, expected: string, refers?: ContentProblem['refers']) => void;

interface Context {
  conferences: readonly Conference[];
  papers: ReadonlyMap<string, Paper>;
  conferenceFor: (e: Entry<unknown>, collection: CollectionName) => Conference | undefined;
  report: Report;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** Links follow-ups and forecasts into the catalog, reporting every problem; returns all follow-ups. */
export function linkHindsight(
  input: CatalogInput,
  { conferences, papers, conferenceFor, report }: Context,
): FollowUp[] {
  const followUps: FollowUp[] = [];
  const byIdentifier = new Map<string, Entry<FollowUpData>>();
  const paperByArxiv = new Map([...papers.values()].flatMap((p) => (p.data.arxiv ? [[p.data.arxiv, p]] : [])));

  for (const e of input.followUps ?? []) {
    const conference = conferenceFor(e, 'followUps');
    if (!conference) continue;
    const at = report(e, 'followUps');
    const themes = e.data.themes.flatMap((slug) => {
      const theme = conference.themes.find((t) => t.slug === slug);
      if (!theme)
        at(
          'themes',
          `"${slug}", which is not a theme of conference "${conference.id}"`,
          `one of its themes: ${conference.themes.map((t) => `"${t.slug}"`).join(', ')}`,
          {
            collection: 'themes',
            id: `${conference.id}/${slug}`,
          },
        );
      return theme ? [theme] : [];
    });
    const linked = e.data.papers.flatMap((id) => {
      const paper = papers.get(id);
      if (!paper)
        at(
          'papers',
          `"${id}", which is not a paper`,
          'the id of a paper record (the file name of papers/<conference>/<id>.yaml)',
          {
            collection: 'papers',
            id,
          },
        );
      return paper ? [paper] : [];
    });
    const start = monthOf(conference.data.dates.start);
    if (e.data.date < start) {
      at(
        'date',
        `"${e.data.date}", before the conference (${start})`,
        'the month it first appeared, after the conference: a follow-up is later work',
      );
    }
    const identifier = identifierOf(e.data);
    const key = identityKey(identifier);
    const first = byIdentifier.get(key);
    if (first) {
      at(
        identifier.kind,
        `"${identifier.value}", which ${first.filePath ?? first.id} also has`,
        'one record per work: merge the two (a follow-up may list several themes)',
      );
    } else byIdentifier.set(key, e);
    const cited = identifier.kind === 'arxiv' ? paperByArxiv.get(identifier.value) : undefined;
    if (cited) {
      at(
        'arxiv',
        `"${identifier.value}", the paper "${cited.id}" of the digest itself`,
        'a later work, not one of the papers the digest discusses',
      );
    }
    const followUp: FollowUp = {
      id: e.id,
      slug: identity('followUps', e.id).name,
      conference,
      data: e.data,
      file: e.filePath ?? e.id,
      themes,
      papers: linked,
    };
    followUps.push(followUp);
    conference.followUps.push(followUp);
    for (const theme of themes) theme.followUps.push(followUp);
    for (const paper of linked) paper.followUps.push(followUp);
  }

  for (const e of input.forecasts ?? []) {
    const conference = conferenceFor(e, 'forecasts');
    if (!conference) continue;
    const at = report(e, 'forecasts');
    if (!conference.outlook) {
      at(
        'file name',
        'a forecast of a digest without an outlook',
        `the outlook it is graded in: add conferences/${conference.id}/outlook.mdx`,
      );
    }
    const clash = conference.forecasts.find((f) => f.data.order === e.data.order);
    if (clash) at('order', `${e.data.order}, which ${clash.file} also has`, 'a position of its own in the scorecard');
    const seen = new Set<string>();
    for (const item of e.data.evidence) {
      const key = identityKey(identifierOf(item));
      if (seen.has(key)) at('evidence', `"${item.title}" twice`, 'each piece of evidence once');
      seen.add(key);
    }
    const forecast: Forecast = {
      id: e.id,
      slug: identity('forecasts', e.id).name,
      conference,
      data: e.data,
      file: e.filePath ?? e.id,
    };
    conference.forecasts.push(forecast);
  }

  const byDate = (a: FollowUp, b: FollowUp) =>
    a.data.date.localeCompare(b.data.date) || a.data.title.localeCompare(b.data.title);
  for (const conference of conferences) {
    conference.followUps.sort(byDate);
    for (const theme of conference.themes) theme.followUps.sort(byDate);
    conference.forecasts.sort((a, b) => a.data.order - b.data.order);
    const hasHindsight = conference.followUps.length > 0 || conference.forecasts.length > 0;
    if (hasHindsight && !conference.data.hindsightReviewed) {
      report({ id: conference.id, data: conference.data, filePath: conference.file }, 'conferences')(
        'hindsightReviewed',
        'no review date',
        'the date the follow-ups and forecasts were last checked against the record (YYYY-MM-DD)',
      );
    }
  }
  for (const paper of papers.values()) paper.followUps.sort(byDate);
  return followUps;
}

/** BibTeX export of a paper record. */
import { arxivAbsUrl } from './urls';

export interface BibtexInput {
  id: string;
  title: string;
  authors: readonly string[];
  venue: string;
  year: number;
  arxiv?: string | undefined;
  url?: string | undefined;
}

/**
 * BibTeX counts every brace, escaped or not, so a lone `\}` in a title would still close the field
 * and spill the rest of the entry: braces become brace-balanced text commands instead.
 */
const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '#': '\\#',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes BibTeX's special characters so any text survives as itself. */
export function escapeBibtex(value: string): string {
  return [...value.replace(/\s+/g, ' ').trim()].map((c) => BIBTEX_ESCAPES[c] ?? c).join('');
}

const isPreprint = (venue: string) => /^arxiv\b/i.test(venue.trim());

/** One author; a name with a word "and" in it (a collaboration) is braced so BibTeX keeps it whole. */
const bibtexName = (name: string) => (/\sand\s/i.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name));

/** A BibTeX entry: `@inproceedings` for a venue, `@misc` with the eprint for a preprint. */
export function toBibtex(paper: BibtexInput): string {
  const preprint = isPreprint(paper.venue);
  const fields: [string, string][] = [
    // Double braces keep the title's capitalisation (acronyms, names) in any style.
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', paper.authors.map(bibtexName).join(' and ')],
  ];
  if (!preprint) fields.push(['booktitle', escapeBibtex(paper.venue)]);
  fields.push(['year', String(paper.year)]);
  if (paper.arxiv) {
    fields.push(['eprint', paper.arxiv], ['archivePrefix', 'arXiv']);
  }
  const url = paper.arxiv ? arxivAbsUrl(paper.arxiv) : paper.url;
  if (url) fields.push(['url', escapeBibtex(url)]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@${preprint ? 'misc' : 'inproceedings'}{${paper.id},\n${body}\n}`;
}

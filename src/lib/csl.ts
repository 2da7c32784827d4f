/**
 * CSL-JSON, the format Zotero, Mendeley and citation processors (citeproc) import: one item per
 * paper. A preprint is an `article` with its repository as publisher and its arXiv id as
 * number, which Zotero files as a Preprint with "Repository" and "Archive ID".
 */
import { splitName } from './authors';
import { isPreprint, type BibtexInput } from './bibtex';
import { arxivAbsUrl } from './urls';

export interface CslName {
  given?: string;
  family?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

/**
 * A name as printed ("William J. Dally") split into given and family parts: the family is the
 * last word with any particles before it. A one-word name, or a collaboration, stays literal.
 */
export function cslName(name: string): CslName {
  if (!/\s/.test(name.trim()) || /\sand\s/i.test(name)) return { literal: name };
  const { given, particles, family } = splitName(name);
  return { given, family, ...(particles ? { 'non-dropping-particle': particles } : {}) };
}

export function toCsl(paper: BibtexInput): Record<string, unknown> {
  const preprint = isPreprint(paper.venue);
  return {
    id: paper.id,
    type: preprint ? 'article' : 'paper-conference',
    title: paper.title,
    author: paper.authors.map(cslName),
    issued: { 'date-parts': [[paper.year]] },
    ...(preprint ? {} : { 'container-title': paper.venue }),
    // A conference paper's arXiv id goes in the note, which Zotero keeps as "Extra".
    ...(paper.arxiv
      ? preprint
        ? { publisher: 'arXiv', number: `arXiv:${paper.arxiv}` }
        : { note: `arXiv:${paper.arxiv}` }
      : {}),
    ...(paper.arxiv || paper.url ? { URL: paper.arxiv ? arxivAbsUrl(paper.arxiv) : paper.url } : {}),
  };
}

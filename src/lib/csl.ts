/**
 * CSL-JSON, the format Zotero, Mendeley and citation processors (citeproc) import: one item per
 * paper. A preprint is an `article` with its repository as publisher and its arXiv id as
 * number, which Zotero files as a Preprint with "Repository" and "Archive ID".
 */
import { isPreprint, type BibtexInput } from './bibtex';
import { arxivAbsUrl } from './urls';

export interface CslName {
  given?: string;
  family?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

/** Lower-case words that start a family name: "Nando de Freitas", "Laurens van der Maaten". */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
]);

/**
 * A name as printed ("William J. Dally") split into given and family parts: the family is the
 * last word with any particles before it. A one-word name, or a collaboration, stays literal.
 */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || /\sand\s/i.test(name)) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  const particles = words.slice(start, -1);
  return {
    given: words.slice(0, start).join(' '),
    family: words.at(-1)!,
    ...(particles.length > 0 ? { 'non-dropping-particle': particles.join(' ') } : {}),
  };
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

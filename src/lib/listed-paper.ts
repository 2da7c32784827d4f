/** A paper as the reading list shows and exports it, built from the catalog at build time. */
import { bibtexInput, toBibtex } from './bibtex';
import type { Paper } from './catalog';
import { toCsl } from './csl';
import type { ListedPaper } from './reading-list-data';
import { paperRecordUrl, paperUrl, themeAnchorUrl } from './urls';

export function listedPaper(paper: Paper): ListedPaper {
  const { data } = paper;
  const input = bibtexInput(paper);
  return {
    id: paper.id,
    title: data.title,
    authors: data.authors,
    venue: data.venue,
    year: data.year,
    award: data.award,
    page: paperUrl(paper.id),
    record: paperRecordUrl(data),
    arxiv: data.arxiv,
    pdf: data.links.pdf,
    themes: paper.discussedIn.map((d) => ({
      title: d.theme.data.title,
      url: themeAnchorUrl(d.theme.conference.id, d.theme.slug, d.anchor),
    })),
    bibtex: toBibtex(input),
    csl: toCsl(input),
  };
}

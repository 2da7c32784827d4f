/**
 * Related papers for a paper page, each with its reason in words. Relations, strongest first:
 * cited in the same paragraph (or list) of a theme, discussed in the same section, discussed in
 * the same theme, then written by the same people. Within one kind, a pair related more times
 * (two themes, two shared authors) comes first, then titles in alphabetical order, so the ranking
 * is deterministic. A paper is never related to itself, and a paper with no relation gets none.
 */
import { joinNames } from './authors';
import type { Catalog, Paper, Theme } from './catalog';

/** How many related papers a paper page lists at most. */
export const RELATED_LIMIT = 5;

export interface RelatedPaper {
  paper: Paper;
  /** Why, e.g. "cited alongside it in Attention" or "shares an author, Song Han". */
  reason: string;
}

const PARAGRAPH = 3;
const SECTION = 2;
const THEME = 1;
const AUTHOR = 0;

interface Candidate {
  paper: Paper;
  tier: number;
  /** Contexts of that tier the two papers share (themes, paragraphs, authors). */
  count: number;
  /** The first context of the tier, named in the reason. */
  theme: Theme | undefined;
  authors: string[];
}

/** Groups of papers discussed together, per paper: the paragraphs, sections and themes it is in. */
interface Context {
  tier: number;
  theme: Theme;
  members: Paper[];
}

function contexts(themes: readonly Theme[]): Map<Paper, Context[]> {
  const byPaper = new Map<Paper, Context[]>();
  const add = (tier: number, theme: Theme, members: Paper[]) => {
    const context = { tier, theme, members };
    for (const p of members) {
      const list = byPaper.get(p);
      if (list) list.push(context);
      else byPaper.set(p, [context]);
    }
  };
  for (const theme of themes) {
    const blocks = new Map<number, Set<Paper>>();
    const sections = new Map<string, Set<Paper>>();
    for (const group of theme.groups) {
      const block = blocks.get(group.block) ?? new Set();
      for (const p of group.papers) block.add(p);
      blocks.set(group.block, block);
      if (group.section === undefined) continue;
      const section = sections.get(group.section) ?? new Set();
      for (const p of group.papers) section.add(p);
      sections.set(group.section, section);
    }
    for (const members of blocks.values()) if (members.size > 1) add(PARAGRAPH, theme, [...members]);
    for (const members of sections.values()) if (members.size > 1) add(SECTION, theme, [...members]);
    // A copy: members are sorted by title below, and the theme's own list is its reference order.
    if (theme.papers.length > 1) add(THEME, theme, [...theme.papers]);
  }
  return byPaper;
}

function reason(c: Candidate): string {
  const title = c.theme?.data.title ?? '';
  if (c.tier === PARAGRAPH) return `cited alongside it in ${title}`;
  if (c.tier === SECTION) return `discussed in the same section of ${title}`;
  if (c.tier === THEME) return `also discussed in ${title}`;
  if (c.authors.length === 1) return `shares an author, ${c.authors[0]}`;
  return `shares ${c.authors.length} authors, ${joinNames(c.authors)}`;
}

/** Related papers of every paper of the catalog, by paper id (papers with none are left out). */
export function relatedPapers(
  catalog: Pick<Catalog, 'papers' | 'themes'>,
  limit = RELATED_LIMIT,
): Map<string, RelatedPaper[]> {
  // One rank per paper, by title then id: ties resolve by integer comparison.
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const rank = new Map(
    [...catalog.papers]
      .sort((a, b) => collator.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : 1))
      .map((p, i) => [p, i]),
  );
  const byRank = (a: Paper, b: Paper) => rank.get(a)! - rank.get(b)!;
  const byPaper = contexts(catalog.themes);
  for (const list of byPaper.values()) for (const c of list) c.members.sort(byRank);
  const related = new Map<string, RelatedPaper[]>();

  for (const paper of catalog.papers) {
    const picked: Candidate[] = [];
    const taken = new Set<Paper>([paper]);
    const own = byPaper.get(paper) ?? [];
    // Tier by tier, strongest first: a weaker relation never outranks a stronger one.
    for (const tier of [PARAGRAPH, SECTION, THEME, AUTHOR]) {
      const room = limit - picked.length;
      if (room === 0) break;
      const here = own.filter((c) => c.tier === tier);
      if (here.length === 1) {
        // One context: every candidate shares it once, so title order decides; members are sorted.
        const [context] = here as [Context];
        for (const other of context.members) {
          if (picked.length === limit) break;
          if (taken.has(other)) continue;
          taken.add(other);
          picked.push({ paper: other, tier, count: 1, theme: context.theme, authors: [] });
        }
        continue;
      }
      const found = new Map<Paper, Candidate>();
      const consider = (other: Paper, theme: Theme | undefined, author?: string) => {
        if (taken.has(other)) return;
        const c = found.get(other);
        if (c) {
          c.count += 1;
          if (author) c.authors.push(author);
        } else found.set(other, { paper: other, tier, count: 1, theme, authors: author ? [author] : [] });
      };
      if (tier === AUTHOR) {
        paper.authors.forEach((author, i) => {
          for (const other of author.papers) consider(other, undefined, paper.data.authors[i] ?? author.name);
        });
      } else {
        for (const context of here) for (const other of context.members) consider(other, context.theme);
      }
      const best = [...found.values()].sort((a, b) => b.count - a.count || byRank(a.paper, b.paper)).slice(0, room);
      for (const c of best) {
        taken.add(c.paper);
        picked.push(c);
      }
    }
    if (picked.length > 0)
      related.set(
        paper.id,
        picked.map((c) => ({ paper: c.paper, reason: reason(c) })),
      );
  }
  return related;
}

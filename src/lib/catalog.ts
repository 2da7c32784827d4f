/**
 * The site's content as one resolved graph: every reference looked up once, every back-link
 * (which themes discuss a paper, which papers a person wrote) computed once. Pages import the
 * result and never query collections themselves. Pure: the tests feed it plain records.
 */
import type {
  ConferenceData,
  FollowUpData,
  ForecastData,
  OutlookData,
  PaperData,
  TalkData,
  ThemeData,
} from '../schemas';
import { authorKey, familyName, preferredSpelling } from './authors';
import { citationAnchor, readCitations } from './citations';
import { linkHindsight } from './hindsight';
import { contentFiles, duplicateNames, entryLabel, identity, uniqueName, type CollectionName } from './content-files';
import { SLUG_PATTERN } from './ids';
import { mdxSyntaxProblem } from './mdx';
import { ContentError, problem, type ContentProblem } from './problems';
import { RESERVED_SEGMENTS, RESERVED_THEME_SLUGS } from './urls';

/**
 * A loaded content entry, as Astro's collections give it: the id is the conference's folder and the
 * file name (`iclr-2016/han2016deep`), or a conference's folder alone. An MDX body keeps its lines
 * where they are in the file (frontmatter blanked, `lib/mdx.ts`), so problems name the right line.
 */
export interface Entry<D> {
  id: string;
  data: D;
  body?: string | undefined;
  filePath?: string | undefined;
}

export interface CatalogInput {
  conferences: Entry<ConferenceData>[];
  outlooks: Entry<OutlookData>[];
  themes: Entry<ThemeData>[];
  papers: Entry<PaperData>[];
  talks: Entry<TalkData>[];
  /** Later works and events; optional, like the folder. */
  followUps?: Entry<FollowUpData>[] | undefined;
  /** The source's forecasts, graded; optional, like the folder. */
  forecasts?: Entry<ForecastData>[] | undefined;
}

export interface Conference {
  id: string;
  data: ConferenceData;
  file: string;
  themes: Theme[];
  /** Paper records that belong to this digest, by title. */
  papers: Paper[];
  /** Papers of this digest that won an award. */
  awards: Paper[];
  /** Keynotes first, then paper talks. */
  talks: Talk[];
  /** Papers the overview cites, in order of first citation. */
  references: Paper[];
  outlook: Outlook | undefined;
  /** When the digest was published: its `published` date, else the conference's last day. */
  published: Date;
  /** Later works and events that grew out of its themes, oldest first. */
  followUps: FollowUp[];
  /** The source's forecasts in the order it makes them, each with its verdict. */
  forecasts: Forecast[];
}

export interface Outlook {
  data: OutlookData;
  file: string;
  /** Papers the outlook cites, in order of first citation. */
  references: Paper[];
  /** Its `published` date, else the conference's. */
  published: Date;
}

export interface Theme {
  /** `<conference>/<slug>`: the collection entry id. */
  id: string;
  slug: string;
  conference: Conference;
  data: ThemeData;
  file: string;
  /** Cited papers in order of first citation: the reference list, numbered from 1. */
  papers: Paper[];
  /** Each citation group with the block and section that hold it: what is discussed together. */
  groups: CitationGroup[];
  talks: Talk[];
  /** "What happened next": later works that grew out of the theme, oldest first. */
  followUps: FollowUp[];
  prev: Theme | undefined;
  next: Theme | undefined;
  /** Its `published` date, else the conference's. */
  published: Date;
}

export interface CitationGroup {
  papers: Paper[];
  /** Index of the top-level block (paragraph, list) in the body. */
  block: number;
  /** The heading the block comes under, if any. */
  section: string | undefined;
}

export interface Discussion {
  theme: Theme;
  /** Number of the paper in the theme's reference list. */
  number: number;
  /** Anchor of the first inline citation of the paper in the theme. */
  anchor: string;
}

export interface Paper {
  id: string;
  data: PaperData;
  file: string;
  conference: Conference;
  authors: Author[];
  discussedIn: Discussion[];
  talks: Talk[];
  /** Later works that build on it, oldest first. */
  followUps: FollowUp[];
}

export interface Author {
  slug: string;
  name: string;
  /** Every spelling seen in paper records. */
  spellings: string[];
  papers: Paper[];
  /** Whether the person has a page of their own (see `AUTHOR_PAGE_MIN_PAPERS`). */
  hasPage: boolean;
}

/**
 * A person gets a page of their own from this many papers on. With one paper, the page would
 * repeat what the paper's page says; at a large conference most authors have one paper, and
 * their pages would be most of the site's build time and search index.
 */
export const AUTHOR_PAGE_MIN_PAPERS = 2;

export interface Talk {
  /** `<conference>/<slug>`. */
  id: string;
  slug: string;
  conference: Conference;
  data: TalkData;
  file: string;
  theme: Theme | undefined;
  paper: Paper | undefined;
}

/** A later work or event that grew out of themes of a conference (`content/follow-ups/`). */
export interface FollowUp {
  /** `<conference>/<slug>`. */
  id: string;
  slug: string;
  conference: Conference;
  data: FollowUpData;
  file: string;
  themes: Theme[];
  papers: Paper[];
}

/** One forecast of the source, graded (`content/forecasts/`). */
export interface Forecast {
  /** `<conference>/<slug>`. */
  id: string;
  slug: string;
  conference: Conference;
  data: ForecastData;
  file: string;
}

export interface Catalog {
  conferences: Conference[];
  followUps: FollowUp[];
  themes: Theme[];
  papers: Paper[];
  authors: Author[];
  talks: Talk[];
  conference(id: string): Conference;
  paper(id: string): Paper;
}

// One collator for every comparison: `localeCompare` with options builds one per call, which made
// sorting a 10,000-paper conference take seconds (bench/README.md, "Where the time goes").
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byText = (a: string, b: string) => collator.compare(a, b);
const quoted = (values: Iterable<string>) => [...values].map((v) => `"${v}"`).join(', ') || 'none yet';

/** Reports problems of one entry: its file, and the label that names it. */
const reporter =
  (problems: ContentProblem[]) =>
  (e: Entry<unknown>, collection: CollectionName) =>
  (field: string, found: string, expected: string, refers?: ContentProblem['refers'], line?: number | undefined) =>
    problems.push(
      problem({ file: e.filePath ?? e.id, line, entry: entryLabel(collection, e.id), field, found, expected, refers }),
    );

/** Paper ids are citation keys, shared by every digest: the same file name in two folders is one too many. */
const paperIds = (papers: readonly Entry<unknown>[]) =>
  duplicateNames(
    papers.map((e) => ({
      collection: 'papers' as const,
      name: uniqueName('papers', e.id),
      file: e.filePath ?? e.id,
    })),
  );

export function buildCatalog(input: CatalogInput): Catalog {
  const problems: ContentProblem[] = paperIds(input.papers);
  const report = reporter(problems);
  const conferences = new Map<string, Conference>();
  for (const e of input.conferences) {
    if (RESERVED_SEGMENTS.includes(e.id)) {
      report(e, 'conferences')(
        'folder name',
        `"${e.id}", a name the site uses for its own pages`,
        `a folder name other than ${quoted(RESERVED_SEGMENTS.filter((name) => SLUG_PATTERN.test(name)))}: rename the folder`,
      );
    }
    conferences.set(e.id, {
      id: e.id,
      data: e.data,
      file: e.filePath ?? e.id,
      themes: [],
      papers: [],
      awards: [],
      talks: [],
      references: [],
      outlook: undefined,
      published: e.data.published ?? e.data.dates.end,
      followUps: [],
      forecasts: [],
    });
  }
  /** The conference whose folder an entry sits in. */
  const conferenceFor = (e: Entry<unknown>, collection: CollectionName): Conference | undefined => {
    const id = identity(collection, e.id).conference;
    const c = conferences.get(id);
    if (!c)
      report(e, collection)(
        'folder name',
        `"${id}", which is not a conference`,
        `the folder of a conference (one with conferences/<id>/index.mdx): ${quoted(conferences.keys())}; move the file to ${contentFiles[collection].folder}/<conference>/`,
        { collection: 'conferences', id },
      );
    return c;
  };

  const papers = new Map<string, Paper>();
  for (const e of input.papers) {
    const conference = conferenceFor(e, 'papers');
    if (!conference) continue;
    const paper: Paper = {
      id: uniqueName('papers', e.id),
      data: e.data,
      file: e.filePath ?? e.id,
      conference,
      authors: [],
      discussedIn: [],
      talks: [],
      followUps: [],
    };
    papers.set(paper.id, paper);
    conference.papers.push(paper);
  }

  /**
   * The papers an MDX body cites, in order, and its citation groups; malformed, misplaced and
   * unknown citations are reported, all of them.
   */
  const citeGroups = (e: Entry<unknown>, collection: CollectionName): { cited: Paper[]; groups: CitationGroup[] } => {
    let scan;
    try {
      scan = readCitations(e.body ?? '');
    } catch (error) {
      const syntax = mdxSyntaxProblem(error, e.body ?? '');
      report(e, collection)('body', syntax.found, syntax.expected, undefined, syntax.line);
      return { cited: [], groups: [] };
    }
    for (const p of scan.problems) report(e, collection)('body', p.raw, p.expected, undefined, p.line);
    const cited: Paper[] = [];
    const groups: CitationGroup[] = [];
    const reported = new Set<string>();
    for (const citation of scan.citations) {
      const known = citation.keys.flatMap((key) => papers.get(key) ?? []);
      groups.push({ papers: known, block: citation.block, section: citation.section });
      for (const key of citation.keys) {
        const paper = papers.get(key);
        if (paper && !cited.includes(paper)) cited.push(paper);
        if (paper || reported.has(key)) continue;
        reported.add(key);
        report(e, collection)(
          'body',
          citation.raw,
          `the id of a paper record, but it cites unknown paper "${key}": add papers/<conference>/${key}.yaml or fix the key`,
          { collection: 'papers', id: key },
          citation.line,
        );
      }
    }
    return { cited, groups };
  };
  const cite = (e: Entry<unknown>, collection: CollectionName): Paper[] => citeGroups(e, collection).cited;

  for (const e of input.conferences) {
    const c = conferences.get(e.id);
    if (c) c.references = cite(e, 'conferences');
  }
  for (const e of input.outlooks) {
    const c = conferences.get(e.id);
    if (c) {
      const published = e.data.published ?? c.published;
      c.outlook = { data: e.data, file: e.filePath ?? e.id, references: cite(e, 'outlooks'), published };
    } else
      report(e, 'outlooks')(
        'folder name',
        `"${e.id}", a folder without index.mdx`,
        `a conference folder: add conferences/${e.id}/index.mdx`,
      );
  }

  const themes: Theme[] = [];
  for (const e of input.themes) {
    const conference = conferenceFor(e, 'themes');
    if (!conference) continue;
    const slug = identity('themes', e.id).name;
    if (RESERVED_THEME_SLUGS.includes(slug)) {
      report(e, 'themes')(
        'file name',
        `"${slug}", a name the conference's own pages use`,
        `a file name other than ${quoted(RESERVED_THEME_SLUGS.filter((name) => SLUG_PATTERN.test(name)))}: rename the file`,
      );
    }
    const { cited, groups } = citeGroups(e, 'themes');
    const theme: Theme = {
      id: e.id,
      slug,
      conference,
      data: e.data,
      file: e.filePath ?? e.id,
      papers: cited,
      groups,
      talks: [],
      followUps: [],
      prev: undefined,
      next: undefined,
      published: e.data.published ?? conference.published,
    };
    themes.push(theme);
    conference.themes.push(theme);
  }

  const talks: Talk[] = [];
  for (const e of input.talks) {
    const conference = conferenceFor(e, 'talks');
    if (!conference) continue;
    const theme = e.data.theme === undefined ? undefined : conference.themes.find((t) => t.slug === e.data.theme);
    if (e.data.theme !== undefined && !theme) {
      report(e, 'talks')(
        'theme',
        `"${e.data.theme}", which is not a theme of conference "${conference.id}"`,
        `one of its themes: ${quoted(conference.themes.map((t) => t.slug))}`,
        { collection: 'themes', id: `${conference.id}/${e.data.theme}` },
      );
    }
    const paper = e.data.paper === undefined ? undefined : papers.get(e.data.paper);
    if (e.data.paper !== undefined && !paper)
      report(e, 'talks')(
        'paper',
        `"${e.data.paper}", which is not a paper`,
        `the id of a paper record (the file name of papers/<conference>/<id>.yaml)`,
        { collection: 'papers', id: e.data.paper },
      );
    const talk: Talk = {
      id: e.id,
      slug: identity('talks', e.id).name,
      conference,
      data: e.data,
      file: e.filePath ?? e.id,
      theme,
      paper,
    };
    talks.push(talk);
    conference.talks.push(talk);
    theme?.talks.push(talk);
    paper?.talks.push(talk);
  }

  const followUps = linkHindsight(input, { conferenceFor, papers, report, conferences: [...conferences.values()] });

  if (problems.length > 0) throw new ContentError(problems);

  for (const conference of conferences.values()) {
    conference.themes.sort((a, b) => a.data.order - b.data.order || byText(a.data.title, b.data.title));
    conference.themes.forEach((t, i, all) => {
      t.prev = all[i - 1];
      t.next = all[i + 1];
    });
    conference.papers.sort((a, b) => byText(a.data.title, b.data.title));
    conference.awards = conference.papers.filter((p) => p.data.award !== undefined);
    conference.talks.sort(
      (a, b) =>
        Number(a.data.kind !== 'keynote') - Number(b.data.kind !== 'keynote') || byText(a.data.speaker, b.data.speaker),
    );
  }

  const orderedThemes = [...conferences.values()].flatMap((c) => c.themes);
  for (const theme of orderedThemes) {
    theme.papers.forEach((paper, i) => {
      paper.discussedIn.push({ theme, number: i + 1, anchor: citationAnchor(paper.id, 1) });
    });
  }

  const authors = new Map<string, Author>();
  const orderedPapers = [...papers.values()].sort(
    (a, b) => b.data.year - a.data.year || byText(a.data.title, b.data.title),
  );
  for (const paper of orderedPapers) {
    for (const name of paper.data.authors) {
      const slug = authorKey(name);
      const author = authors.get(slug) ?? { slug, name, spellings: [], papers: [], hasPage: false };
      authors.set(slug, author);
      if (!author.spellings.includes(name)) author.spellings.push(name);
      author.name = preferredSpelling(author.spellings);
      if (!author.papers.includes(paper)) author.papers.push(paper);
      author.hasPage = author.papers.length >= AUTHOR_PAGE_MIN_PAPERS;
    }
  }
  for (const paper of papers.values()) {
    paper.authors = paper.data.authors.map((name) => authors.get(authorKey(name))).filter((a) => a !== undefined);
  }

  const conferenceList = [...conferences.values()].sort(
    (a, b) => b.data.year - a.data.year || byText(a.data.name, b.data.name),
  );
  return {
    conferences: conferenceList,
    themes: conferenceList.flatMap((c) => c.themes),
    papers: orderedPapers,
    authors: [...authors.values()].sort(
      (a, b) => byText(familyName(a.name), familyName(b.name)) || byText(a.name, b.name),
    ),
    talks: conferenceList.flatMap((c) => c.talks),
    followUps,
    conference(id) {
      const c = conferences.get(id);
      if (!c) throw new Error(`no conference "${id}"`);
      return c;
    },
    paper(id) {
      const p = papers.get(id);
      if (!p) throw new Error(`no paper "${id}"`);
      return p;
    },
  };
}

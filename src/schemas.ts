/**
 * Every content schema of the site, built from small named pieces. `src/content.config.ts`
 * wires them to collections; the unit tests parse good and bad records with them directly.
 * No record names its conference: the folder it sits in does (`lib/content-files.ts`).
 */
import { z } from 'astro/zod';
import { PAPER_ID_PATTERN, SLUG_PATTERN } from './lib/ids';

/** A lower-case, hyphenated identifier such as `iclr-2016` or `compressing-networks`. */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens, e.g. "iclr-2016"');

/** A paper's id, which is also its citation key (`[@han2016deep]`) and its file name. */
export const paperId = z.string().regex(PAPER_ID_PATTERN, 'use lower-case letters and digits, e.g. "han2016deep"');

/** Text that must say something: trimmed and non-empty. */
export const text = z.string().trim().min(1, 'must not be empty');

/**
 * A modern arXiv identifier without version: `YYMM.NNNN` up to December 2014,
 * `YYMM.NNNNN` from January 2015 on (as arXiv numbers them).
 */
export const arxivId = z
  .string()
  .regex(
    /^\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}$/,
    'write an arXiv id as YYMM.NNNNN (or YYMM.NNNN before 2015), without "arXiv:" or a version',
  )
  .refine((id) => {
    const [yymm = '', serial = ''] = id.split('.');
    return Number(yymm) >= 1501 ? serial.length === 5 : serial.length === 4;
  }, 'arXiv ids have 4 digits after the dot up to 1412 and 5 digits from 1501 on');

/**
 * An absolute http(s) URL. `z.url()` would also accept `javascript:` and other schemes. Stored
 * normalised (characters a URL may not hold, such as `"` or `<`, percent-encoded), so every link
 * the site writes is a valid URL.
 */
export const httpUrl = z.httpUrl({ message: 'must be an absolute http:// or https:// URL', normalize: true });

/**
 * A person's name as printed on the paper, e.g. "Piotr Dollár". It needs a letter or digit: the
 * author page's address is made of them, and a name of only symbols or emoji would have none.
 */
export const personName = text
  .refine((name) => !/\s{2,}/.test(name), 'use single spaces inside a name')
  .refine((name) => /[\p{L}\p{N}]/u.test(name), 'a name needs at least one letter or digit');

/** A year a paper or conference can plausibly have. */
export const year = z
  .number()
  .int('write the year as a whole number, e.g. 2016')
  .min(1950, 'a year from 1950 to 2100')
  .max(2100, 'a year from 1950 to 2100');

/** Where a paper stands relative to the digest's conference. */
export const track = z.enum(['conference', 'workshop', 'other']);

/** Links a paper may carry besides its arXiv record. */
export const paperLinks = z
  .strictObject({
    /** Landing page, for papers without an arXiv record. */
    abs: httpUrl.optional(),
    /** PDF, for papers without an arXiv record. */
    pdf: httpUrl.optional(),
    /** Official code. */
    code: httpUrl.optional(),
    /** A recording of the talk. */
    video: httpUrl.optional(),
  })
  .default({});

export const paperSchema = z
  .strictObject({
    /** Exact title, as on the record. */
    title: text,
    /** Authors in order, full names as printed. */
    authors: z.array(personName).min(1, 'list at least one author'),
    /** Where the paper appeared, e.g. "ICLR 2016", "ICLR 2016 Workshop", "EMNLP 2015". */
    venue: text,
    /** Year of that venue. */
    year,
    /** `conference` (main track), `workshop` (the conference's workshop track) or `other` (not a paper of it). */
    track,
    /** arXiv id; required unless `links.abs` or `links.pdf` points to the record. */
    arxiv: arxivId.optional(),
    links: paperLinks,
    /** An award at the digest's conference, e.g. "Best Paper". */
    award: text.optional(),
    /** One paragraph in our own words; inline math as `$...$`, a literal dollar as `\$`. */
    summary: text,
    /** Editorial note, e.g. where the source's citation differs from the record. */
    note: text.optional(),
  })
  .refine((p) => p.arxiv !== undefined || p.links.abs !== undefined || p.links.pdf !== undefined, {
    message: 'give the arXiv id (arxiv: "1510.00149") or, for a paper without one, links.abs or links.pdf',
    path: ['arxiv'],
  });

export const talkSchema = z
  .strictObject({
    /** Who gave it. */
    speaker: personName,
    /** The speaker's affiliation at the time. */
    affiliation: text.optional(),
    /** The title as announced. */
    title: text,
    /** A keynote, or the presentation of a paper. */
    kind: z.enum(['keynote', 'paper-talk']),
    /** The related theme's id within the same conference. */
    theme: slug.optional(),
    /** For a paper talk: the paper presented. */
    paper: paperId.optional(),
    /** A recording. */
    video: httpUrl.optional(),
    /** Two or three sentences on what the talk covered. */
    summary: text.optional(),
  })
  .refine((t) => t.kind !== 'paper-talk' || t.paper !== undefined, {
    message: 'a paper-talk names the paper presented (paper: <paper id>)',
    path: ['paper'],
  });

const isoDate = z.coerce.date({ message: 'write dates as YYYY-MM-DD' });

/**
 * When a page of the digest was published, for feeds and search engines. Optional: a theme or an
 * outlook defaults to its conference's date, and a conference to its last day.
 */
const published = isoDate.optional();

export const themeSchema = z.strictObject({
  /** Heading of the theme page. */
  title: text,
  /** Position among the conference's themes (1 first). */
  order: z.number().int().min(1),
  /** One specific sentence: what a reader learns here. */
  summary: text.max(320, 'keep the summary to one sentence (320 characters at most)'),
  /** When the theme was published (YYYY-MM-DD); default: the conference's `published`. */
  published,
});

export const conferenceSchema = z.strictObject({
  /** Full name, e.g. "International Conference on Learning Representations". */
  name: text,
  /** Name with year, used in titles and navigation, e.g. "ICLR 2016". */
  shortName: text,
  year,
  /** First and last day. */
  dates: z
    .strictObject({ start: isoDate, end: isoDate })
    .refine((d) => d.end >= d.start, { message: 'the end date comes before the start date', path: ['end'] }),
  /** City and country. */
  location: text,
  /** The official site of this edition. */
  website: httpUrl,
  /** One specific sentence: what the digest covers. */
  summary: text.max(320, 'keep the summary to one sentence (320 characters at most)'),
  /** When the digest was published (YYYY-MM-DD); default: the conference's last day. */
  published,
  /**
   * Submission deadlines from the call for papers, with the page that states them: the
   * conference page shows when its papers appeared on arXiv against them.
   */
  deadlines: z
    .strictObject({
      /** Abstract registration, where the conference had one. */
      abstract: isoDate.optional(),
      /** Full papers. */
      paper: isoDate,
      /** The call for papers (or a copy of it) that gives these dates. */
      source: httpUrl,
    })
    .refine((d) => d.abstract === undefined || d.abstract <= d.paper, {
      message: 'the abstract deadline comes after the paper deadline',
      path: ['abstract'],
    })
    .optional(),
  /**
   * When the hindsight of this digest (the themes' "What happened next" timelines and the
   * forecasts scorecard) was last reviewed against the record. Required once it has any.
   */
  hindsightReviewed: isoDate.optional(),
});

/** A month, `YYYY-MM`: when a later work first appeared (an arXiv record's first version). */
export const yearMonth = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'write the month as YYYY-MM, e.g. "2017-04"');

/** A day or a month, `YYYY-MM-DD` or `YYYY-MM`, as precise as the record is. */
export const dayOrMonth = z
  .string()
  .regex(
    /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/,
    'write the date as YYYY-MM-DD, or YYYY-MM where the record gives only the month',
  );

/** A DOI as registered, `10.<registrant>/<suffix>`, without `https://doi.org/`. */
export const doi = z
  .string()
  .regex(/^10\.\d{4,9}\/\S+$/, 'write a DOI as 10.NNNN/suffix, without "https://doi.org/" or "doi:"');

/**
 * Where a later work or a piece of evidence is recorded: exactly one of its arXiv id, its DOI, or
 * the canonical URL of an announcement. The identifier is what the site links to.
 */
const identified = {
  /** arXiv id of a paper, without version. */
  arxiv: arxivId.optional(),
  /** DOI of a journal paper or dataset without an arXiv record. */
  doi: doi.optional(),
  /** The canonical URL of an announcement, award or product page. */
  url: httpUrl.optional(),
};
const oneIdentifier = (r: { arxiv?: string | undefined; doi?: string | undefined; url?: string | undefined }) =>
  [r.arxiv, r.doi, r.url].filter((v) => v !== undefined).length === 1;
const ONE_IDENTIFIER = 'give exactly one identifier: arxiv, doi, or url (for an announcement)';

/**
 * A follow-up: a later work or event that grew out of a theme or settled one of its questions,
 * shown on the theme's "What happened next" timeline and on the pages of the papers it builds on.
 */
export const followUpSchema = z
  .strictObject({
    /** Exact title, as on the record. */
    title: text,
    /** A paper, or an event (an announcement, an award, a product). */
    kind: z.enum(['paper', 'event']),
    /** When it first appeared: the month of the arXiv record's first version, or of the event. */
    date: yearMonth,
    /** For a paper: every author, in order, as on the record. */
    authors: z.array(personName).min(1, 'list at least one author').optional(),
    ...identified,
    /** Where it was published, if anywhere, e.g. "ICLR 2019". */
    venue: text.optional(),
    /** The themes of the same conference it follows from (their file names). */
    themes: z.array(slug).min(1, 'name at least one theme it follows from'),
    /** The papers of the digest it builds on, if any. */
    papers: z.array(paperId).default([]),
    /** One or two sentences in our words: why it matters to the theme. */
    summary: text.max(480, 'keep the summary to one or two sentences (480 characters at most)'),
  })
  .refine(oneIdentifier, { message: ONE_IDENTIFIER, path: ['arxiv'] })
  .refine((f) => f.kind !== 'paper' || f.authors !== undefined, {
    message: 'a paper lists its authors',
    path: ['authors'],
  });

/** One dated, sourced item a forecast's verdict rests on. */
export const evidenceSchema = z
  .strictObject({
    /** Exact title of the paper, article or announcement. */
    title: text,
    /** For a paper: every author, in order. */
    authors: z.array(personName).min(1).optional(),
    date: dayOrMonth,
    ...identified,
    /** One sentence: what it shows for the verdict. */
    what: text,
  })
  .refine(oneIdentifier, { message: ONE_IDENTIFIER, path: ['arxiv'] });

/** How a forecast held up. */
export const VERDICTS = ['held', 'partly', 'did not happen', 'too early to tell'] as const;

/** A forecast the source made, graded against what happened. */
export const forecastSchema = z.strictObject({
  /** Position in the scorecard: the order the source makes its forecasts in. */
  order: z.number().int().min(1),
  /** The forecast in our words, one sentence. */
  forecast: text,
  /** The time the source gave, e.g. "within a year", or omitted where it gave none. */
  horizon: text.optional(),
  verdict: z.enum(VERDICTS),
  /** Two or three sentences in our words on why the verdict. */
  reasoning: text,
  /** The dated, sourced evidence the verdict rests on. */
  evidence: z.array(evidenceSchema).min(1, 'give the evidence the verdict rests on'),
});

export const outlookSchema = z.strictObject({
  /** Heading of the outlook page. */
  title: text,
  /** One sentence shown on the conference page, linking to the outlook. */
  summary: text.max(320, 'keep the summary to one sentence (320 characters at most)'),
  /** When the outlook was published (YYYY-MM-DD); default: the conference's `published`. */
  published,
});

export type PaperData = z.infer<typeof paperSchema>;
export type TalkData = z.infer<typeof talkSchema>;
export type ThemeData = z.infer<typeof themeSchema>;
export type ConferenceData = z.infer<typeof conferenceSchema>;
export type OutlookData = z.infer<typeof outlookSchema>;
export type FollowUpData = z.infer<typeof followUpSchema>;
export type ForecastData = z.infer<typeof forecastSchema>;
export type EvidenceData = z.infer<typeof evidenceSchema>;

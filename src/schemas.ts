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

/**
 * The data of the conference page's two figures ("at a glance"), derived from the catalog: each
 * theme's papers by track and award, and the month each paper first appeared on arXiv (the
 * month is in the arXiv id). The figure and its data table are drawn from these, so they agree.
 */
import type { Conference, Paper } from './catalog';
import type { PaperData } from '../schemas';

export type Track = PaperData['track'];
export const TRACKS: readonly Track[] = ['conference', 'workshop', 'other'];

/**
 * A row draws one mark per paper up to this many; beyond it (a large conference) the row shows
 * counts per track instead, so the figure stays a few kilobytes at any size.
 */
export const MARKS_PER_ROW_LIMIT = 48;

export interface GlanceRow {
  /** The theme, or undefined for the papers no theme cites. */
  theme: Conference['themes'][number] | undefined;
  /** In the theme's reference order. */
  papers: Paper[];
  counts: Record<Track, number>;
  awards: number;
  /** Counts instead of marks: more papers than `MARKS_PER_ROW_LIMIT`. */
  aggregated: boolean;
}

function row(theme: GlanceRow['theme'], papers: Paper[], limit: number): GlanceRow {
  const counts: Record<Track, number> = { conference: 0, workshop: 0, other: 0 };
  for (const p of papers) counts[p.data.track] += 1;
  return {
    theme,
    papers,
    counts,
    awards: papers.filter((p) => p.data.award !== undefined).length,
    aggregated: papers.length > limit,
  };
}

/** One row per theme in the conference's order, then one for papers of the digest no theme cites. */
export function glanceRows(conference: Conference, limit = MARKS_PER_ROW_LIMIT): GlanceRow[] {
  const rows = conference.themes.filter((t) => t.papers.length > 0).map((t) => row(t, t.papers, limit));
  const cited = new Set(conference.themes.flatMap((t) => t.papers));
  const uncited = conference.papers.filter((p) => !cited.has(p));
  return uncited.length > 0 ? [...rows, row(undefined, uncited, limit)] : rows;
}

/** `YYYY-MM` of an arXiv id's first version: the id starts with the year and month (YYMM). */
export function arxivMonth(id: string): string {
  return `20${id.slice(0, 2)}-${id.slice(2, 4)}`;
}

const nextMonth = (month: string): string => {
  const [year = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

export interface MonthBin {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

export interface ArxivMonths {
  /** Every month from the first to the last paper (and the deadline's month), empty months included. */
  bins: MonthBin[];
  /** Papers counted: those with an arXiv id. */
  counted: number;
  /** Papers of the digest without an arXiv id, left out. */
  without: number;
}

/** How many papers of the digest first appeared on arXiv in each month. */
export function arxivMonths(papers: readonly Paper[], deadline?: Date): ArxivMonths {
  const months = papers.flatMap((p) => (p.data.arxiv ? [arxivMonth(p.data.arxiv)] : []));
  const bounds = [...months, ...(deadline ? [deadline.toISOString().slice(0, 7)] : [])].sort();
  const bins: MonthBin[] = [];
  if (bounds.length > 0) {
    const last = bounds.at(-1)!;
    for (let m = bounds[0]!; m <= last; m = nextMonth(m)) {
      bins.push({ month: m, count: months.filter((x) => x === m).length });
    }
  }
  return { bins, counted: months.length, without: papers.length - months.length };
}

/** Papers counted in the months before a month, in it, and after it. */
export function aroundMonth(
  bins: readonly MonthBin[],
  month: string,
): { before: number; during: number; after: number } {
  const sum = (keep: (b: MonthBin) => boolean) => bins.filter(keep).reduce((n, b) => n + b.count, 0);
  return {
    before: sum((b) => b.month < month),
    during: sum((b) => b.month === month),
    after: sum((b) => b.month > month),
  };
}

/** Where each track's part of a row's bar starts and how wide it is, `width` being the widest row's. */
export function trackBars(row: GlanceRow, widest: number, width: number): { track: Track; x: number; w: number }[] {
  let x = 0;
  return TRACKS.map((track) => {
    const w = (row.counts[track] / widest) * width;
    const part = { track, x, w };
    x += w;
    return part;
  });
}

/** Display formats shared by pages. */
import type { PaperData, TalkData } from '../schemas';

const monthDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2015-11-19": a day as `<time datetime>` and structured data write it. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** "19 November 2015". */
export const formatDate = (date: Date): string => full.format(date);

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Nov 2015" for the month `2015-11`. */
export const formatMonth = (month: string): string => monthYear.format(new Date(`${month}-01T00:00:00Z`));

/** "24 March 2022" for `2022-03-24`, "Mar 2022" for `2022-03`: as precise as the record. */
export const formatDayOrMonth = (date: string): string =>
  date.length === 7 ? formatMonth(date) : formatDate(new Date(`${date}T00:00:00Z`));

/** "2–4 May 2016", "30 April – 2 May 2016", "30 December 2016 – 2 January 2017". */
export function formatDateRange(start: Date, end: Date): string {
  if (start.getUTCFullYear() !== end.getUTCFullYear()) return `${full.format(start)} – ${full.format(end)}`;
  if (start.getUTCMonth() !== end.getUTCMonth()) return `${monthDay.format(start)} – ${full.format(end)}`;
  if (start.getUTCDate() === end.getUTCDate()) return full.format(start);
  return `${start.getUTCDate()}–${full.format(end)}`;
}

/** Labels of a paper's track (the schema's `track` field), as the search filter shows them. */
export const TRACK_LABELS: Record<PaperData['track'], string> = {
  conference: 'Conference track',
  workshop: 'Workshop track',
  other: 'Other venue',
};

/** A paper's track relative to its digest's conference, as its page says it. */
export function trackLabel(track: PaperData['track'], conferenceName: string): string {
  if (track === 'other') return `Not a paper of ${conferenceName}`;
  return `${conferenceName} ${TRACK_LABELS[track].toLowerCase()}`;
}

/** Labels of a talk's kind. */
export const TALK_KINDS: Record<TalkData['kind'], string> = { keynote: 'Keynote', 'paper-talk': 'Paper talk' };

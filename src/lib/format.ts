/** Display formats shared by pages. */

const monthDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2–4 May 2016", "30 April – 2 May 2016", "30 December 2016 – 2 January 2017". */
export function formatDateRange(start: Date, end: Date): string {
  if (start.getUTCFullYear() !== end.getUTCFullYear()) return `${full.format(start)} – ${full.format(end)}`;
  if (start.getUTCMonth() !== end.getUTCMonth()) return `${monthDay.format(start)} – ${full.format(end)}`;
  if (start.getUTCDate() === end.getUTCDate()) return full.format(start);
  return `${start.getUTCDate()}–${full.format(end)}`;
}

/** "1 paper", "3 papers". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Human label of a paper's track relative to its digest's conference. */
export function trackLabel(track: 'conference' | 'workshop' | 'other', conferenceName: string): string {
  if (track === 'conference') return `${conferenceName} conference track`;
  if (track === 'workshop') return `${conferenceName} workshop track`;
  return `Not a ${conferenceName} paper`;
}

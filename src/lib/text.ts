/** Text helpers shared by pages, the search page's script and the validator's report. */

/** "1 paper", "3 papers". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

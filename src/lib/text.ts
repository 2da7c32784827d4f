/** Text helpers shared by pages, the search page's script and the validator's report. */

/** "1 paper", "3 papers". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATIONS = new Set([
  'al',
  'cf',
  'e.g',
  'eg',
  'eq',
  'eqs',
  'etc',
  'fig',
  'figs',
  'i.e',
  'ie',
  'no',
  'vs',
  'approx',
  'sec',
  'ref',
]);

/**
 * The first sentence of a summary, for a preview: up to the first `.`, `?` or `!` that is followed
 * by a space and a capital, a digit or an opening mark, and that is not inside `$...$` math, after
 * an abbreviation ("et al.", "e.g.") or after an initial ("J. Dally"). The whole text when it is
 * one sentence.
 */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  let inMath = false;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '$') inMath = !inMath;
    if (inMath || (char !== '.' && char !== '?' && char !== '!')) continue;
    const rest = trimmed.slice(i + 1);
    if (!/^["'’”)\]]*\s+["'‘“(]*[\p{Lu}\d$]/u.test(rest)) continue;
    const word = /([\p{L}.]+)$/u.exec(trimmed.slice(0, i))?.[1] ?? '';
    if (char === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) continue;
    const closing = /^["'’”)\]]*/.exec(rest)?.[0] ?? '';
    return trimmed.slice(0, i + 1 + closing.length);
  }
  return trimmed;
}

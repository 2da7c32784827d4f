/**
 * Author identity. Papers spell the same person differently (Dollár / Dollar, Sünderhauf /
 * Sunderhauf, "J." / "J"): one normalised key makes them one person with one page.
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Stable, URL-safe identity of a name: diacritics, case, punctuation and spacing ignored. */
export function authorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Of several spellings, the one to show: the richest in diacritics, then the first seen. */
export function preferredSpelling(spellings: readonly string[]): string {
  const marks = (s: string) => s.normalize('NFD').length - s.length;
  let best = spellings[0] ?? '';
  for (const s of spellings) if (marks(s) > marks(best)) best = s;
  return best;
}

/** Lower-case words that open a family name: "Nando de Freitas", "Laurens van der Maaten". */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'du',
  'la',
  'le',
  'van',
  'von',
  'ter',
  'ten',
]);

/**
 * A name as printed ("Nando de Freitas") in its parts: the given names, the particles and the
 * family name, which is the last word. A one-word name has only a family name.
 */
export function splitName(name: string): { given: string; particles: string; family: string } {
  const words = name.trim().split(/\s+/);
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return {
    given: words.slice(0, start).join(' '),
    particles: words.slice(start, -1).join(' '),
    family: words.at(-1) ?? '',
  };
}

/** The family name used for sorting and BibTeX keys: the last word of the name. */
export function familyName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

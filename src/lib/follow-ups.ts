/** How follow-ups are named and placed on the pages that list them. */
import type { FollowUp } from './catalog';
import { joinNames } from './authors';

/** Authors of a later work in a line: up to three, then "and N others". */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length <= 3) return joinNames(authors);
  const others = authors.length - 2;
  return `${authors.slice(0, 2).join(', ')} and ${others} others`;
}

/** The anchor of a follow-up's entry on a theme's timeline. */
export const followUpAnchor = (followUp: FollowUp): string => `next-${followUp.slug}`;

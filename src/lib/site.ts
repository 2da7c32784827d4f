/** The site's own name: page titles, feeds and the publisher of its articles in structured data. */
export const SITE_NAME = 'Conference Digest';

/** What the site is, in one sentence: feeds and the home page's structured data. */
export const SITE_DESCRIPTION =
  'Research conferences digested by trend theme: what was new, why it mattered, and every paper behind it.';

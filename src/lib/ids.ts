/**
 * The shapes of identifiers, defined once: the schemas check file and folder names with them, and
 * the citation reader checks keys with the same paper-id pattern, so a valid file name is always
 * a valid citation key.
 */

/** A lower-case, hyphenated identifier such as `iclr-2016` or `compressing-networks`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A paper id, also its citation key and file name: `han2016deep`, `lin2016neural-a`, `x_y`. */
export const PAPER_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

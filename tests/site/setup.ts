/** Builds the real site and the two-conference fixture once for all built-output tests. */
import { buildSiteOrThrow, contentWith, fixture, realContent, SITES } from '../helpers/build';

export default function setup() {
  buildSiteOrThrow(SITES.real.name, realContent);
  buildSiteOrThrow(SITES.multi.name, contentWith(SITES.multi.name, fixture('second-conference')));
}

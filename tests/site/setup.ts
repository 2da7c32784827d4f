/**
 * Builds the real site, the two-conference fixture, the hostile-text fixture and two clean sub-path
 * builds of the real site (tests/helpers/deploy.ts) once for all built-output and browser tests.
 */
import { buildSiteOrThrow, contentWith, fixture, realContent, SITES } from '../helpers/build';
import { buildDeploySites } from '../helpers/deploy';

export default function setup() {
  buildSiteOrThrow(SITES.real.name, realContent);
  buildSiteOrThrow(SITES.multi.name, contentWith(SITES.multi.name, fixture('second-conference')));
  buildSiteOrThrow(SITES.hostile.name, fixture('hostile'));
  buildDeploySites();
}

/**
 * Builds the real site into its own folder for the Lighthouse runs and adds the compressed
 * siblings a static host would send (`compressedCopy`). The folder is separate from the other
 * tests' builds, so this project can run alone (`vitest run --project lighthouse`).
 */
import { join } from 'node:path';
import { buildSiteOrThrow, outputRoot, realContent } from '../helpers/build';
import { compressedCopy } from '../helpers/lighthouse';

export const LIGHTHOUSE_SITE = { name: 'lighthouse', dist: join(outputRoot, 'lighthouse', 'served') };

export default function setup() {
  const { dist } = buildSiteOrThrow(LIGHTHOUSE_SITE.name, realContent);
  compressedCopy(dist, LIGHTHOUSE_SITE.dist);
}

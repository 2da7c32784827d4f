/**
 * Writes the offline copies of a built and indexed site with the project's own step
 * (`writeOfflineCopies()` of `src/integrations/offline.ts`): the benchmark builds without the
 * search index and indexes afterwards, and an offline copy holds the index, so the copies the
 * build wrote are written again. Loaded through Vite's module runner, as `related-timing.ts`.
 */
import { readCatalog } from '../../src/integrations/completeness';
import { writeOfflineCopies, type OfflineSummary } from '../../src/integrations/offline';

export async function writeCopies(dist: string, contentRoot: string): Promise<OfflineSummary[]> {
  return writeOfflineCopies(dist, '/', await readCatalog(contentRoot));
}

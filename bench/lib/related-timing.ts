/**
 * Times the related-papers ranking (`src/lib/related.ts`) on its own, over a corpus's catalog:
 * reading and validating the files and building the catalog are left out. Loaded through Vite's
 * module runner, as `npm run validate` loads the sources.
 */
import { buildCatalog } from '../../src/lib/catalog';
import { relatedPapers } from '../../src/lib/related';
import { catalogInputOf } from '../../src/validate/checks';
import { pathShown, readContentRoot } from '../../src/validate/read';
import { checkSchema } from '../../src/validate/schema';

export interface RelatedTiming {
  /** Seconds for the whole ranking, one per round. */
  seconds: number[];
  papers: number;
  /** Papers that get at least one related paper. */
  withRelated: number;
}

export async function timeRelated(root: string, rounds: number): Promise<RelatedTiming> {
  const read = await readContentRoot(root, pathShown(root));
  const catalog = buildCatalog(catalogInputOf(read.sources.map((s) => checkSchema(s).entry)));
  const seconds: number[] = [];
  let withRelated = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    withRelated = relatedPapers(catalog).size;
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds, papers: catalog.papers.length, withRelated };
}

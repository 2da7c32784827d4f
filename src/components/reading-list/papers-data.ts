/**
 * Loads what the reading list shows of each paper from the shard files the build writes
 * (`pages/reading-list/[shard].json.ts`): only the shards that hold the ids asked for.
 */
import { shardOf, type ListedPaper } from '../../lib/reading-list-data';

export interface PaperData {
  /** The URL of the shard files with `{n}` for the shard number. */
  shardUrl: string;
  shards: number;
}

export async function loadPapers(ids: readonly string[], data: PaperData): Promise<Map<string, ListedPaper>> {
  const needed = [...new Set(ids.map((id) => shardOf(id, data.shards)))];
  const files = await Promise.all(
    needed.map(async (n) => {
      const response = await fetch(data.shardUrl.replace('{n}', String(n)));
      if (!response.ok) throw new Error(`the paper data ${response.url} answered ${response.status}`);
      return (await response.json()) as ListedPaper[];
    }),
  );
  return new Map(files.flat().map((p) => [p.id, p]));
}

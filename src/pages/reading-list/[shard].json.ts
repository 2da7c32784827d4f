import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../data';
import { listedPaper } from '../../lib/listed-paper';
import { shardCount, shardOf } from '../../lib/reading-list-data';

/**
 * The reading list's paper data, split into shards by a hash of the id (`lib/reading-list.ts`),
 * so the page loads only the files that hold the papers it shows.
 */
export const getStaticPaths = (() => {
  const shards = shardCount(catalog.papers.length);
  const groups = Array.from({ length: shards }, () => [] as typeof catalog.papers);
  for (const paper of catalog.papers) groups[shardOf(paper.id, shards)]!.push(paper);
  return groups.map((papers, n) => ({ params: { shard: String(n) }, props: { papers } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => Response.json(props.papers.map(listedPaper));

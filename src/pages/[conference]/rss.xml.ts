import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../data';
import { conferenceFeed } from '../../lib/feeds';

export const getStaticPaths = (() =>
  catalog.conferences.map((conference) => ({
    params: { conference: conference.id },
    props: { conference },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => rss(conferenceFeed(props.conference));

import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { conferencePaths } from '../../data';
import { conferenceFeed } from '../../lib/feeds';

export const getStaticPaths = (() => conferencePaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => rss(conferenceFeed(props.conference));

import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { catalog } from '../data';
import { siteFeed } from '../lib/feeds';

export const GET: APIRoute = () => rss(siteFeed(catalog));

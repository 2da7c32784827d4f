import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapUrl } from '../lib/urls';

/**
 * Crawlers read robots.txt only at the root of an origin; under a BASE_PATH this file is a
 * template for whoever owns that root.
 */
export const GET: APIRoute = () => {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(sitemapUrl())}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

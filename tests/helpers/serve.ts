/**
 * Serves a built `dist/` over HTTP on 127.0.0.1, optionally under a deploy base path, the way a
 * static host would: `sirv` resolves directories to `index.html`, sends real MIME types, ETags and
 * cache validators (so a browser's second search reuses what the first fetched), and refuses paths
 * outside the folder. Anything outside the base, and any missing file, gets the site's 404 page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export interface ServeOptions {
  /** Deploy base the site was built with (`BASE_PATH`), e.g. `/digest/`. Default `/`. */
  base?: string;
  /** Extra response headers for a path (the deploy tests apply `_headers` this way). */
  headers?: (pathname: string) => OutgoingHttpHeaders;
  /** Send a file's `.br` or `.gz` sibling to a browser that accepts it, as hosts compress text. */
  precompressed?: boolean;
}

export interface StaticServer {
  /** Origin plus base, with a trailing slash: `http://127.0.0.1:PORT/digest/`. */
  url: string;
  origin: string;
  /** An absolute URL for a site path relative to the base, e.g. `url('search/?q=x')`. */
  at(path: string): string;
  close(): Promise<void>;
}

const withSlashes = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** Starts a server on a free port of 127.0.0.1; close it when done. */
export async function serveDist(dist: string, options: ServeOptions = {}): Promise<StaticServer> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: build the site first`);
  const base = withSlashes(options.base ?? '/');
  const files = sirv(dist, {
    dev: false,
    etag: true,
    dotfiles: false,
    brotli: options.precompressed ?? false,
    gzip: options.precompressed ?? false,
  });
  const notFoundFile = join(dist, '404.html');
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Not found');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(options.headers?.(pathname) ?? {})) {
      if (value !== undefined) res.setHeader(name, value);
    }
    if (`${pathname}/` === base) {
      res.writeHead(301, { Location: base }).end();
      return;
    }
    if (!pathname.startsWith(base)) {
      notFound(res);
      return;
    }
    // sirv serves the folder at `/`: strip the base, keep the query string.
    req.url = `/${(req.url ?? '/').slice(base.length)}`.replace(/^\/\/+/, '/');
    files(req, res, () => notFound(res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}${base}`,
    origin,
    at: (path: string) => `${origin}${base}${path.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

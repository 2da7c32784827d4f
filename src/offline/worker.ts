/**
 * The service worker of the offline copy, registered only when a reader keeps a digest (the
 * offline page). The build bundles it into `<base>sw.js` with its build's id, so every rebuild
 * that changes a kept file changes the worker's bytes, and the browser installs the new version.
 *
 * - Install: a new version downloads the complete copy of every conference the reader kept into a
 *   cache of its own; a failed download fails the install, and the old version keeps serving its
 *   own complete copy. Only then does it activate and delete the old caches: never a mix.
 * - Pages: the network first; when it fails, the kept copy with a note that says so and when it was
 *   built, or, for a page the copy does not hold, the site's offline page.
 * - Files whose names carry a content hash (`_astro/`, Pagefind's index): the copy first. Other
 *   files (Pagefind's script, entry and WebAssembly): the network first, so a page fetched from a
 *   newer build never runs search against an older index while the update downloads.
 */
import { isOfflineManifest, type OfflineManifest } from '../lib/offline-manifest';
import { offlineBanner, withBanner } from '../lib/offline-banner';
import {
  buildCache,
  isKeepRequest,
  isSiteCache,
  keptCache,
  readKept,
  writeKept,
  type KeepMessage,
  type KeptConference,
} from './store';
import {
  isWorkerScope,
  type ExtendableEvent,
  type ExtendableMessageEvent,
  type FetchEvent,
  type WorkerScope,
} from './worker-scope';

/** Set by the build (`integrations/offline.ts`). */
declare const OFFLINE_BUILD: { id: string; builtOn: string; base: string; fallback: string; assets: string };

const BUILD = OFFLINE_BUILD;
const CACHE = buildCache(BUILD.base, BUILD.id);
/** Downloads at a time: enough to fill a connection, few enough to leave it usable. */
const PARALLEL = 6;

const global: object = globalThis;
if (!isWorkerScope(global)) throw new Error('sw.js runs as a service worker only');
const scope: WorkerScope = global;

/** Content-addressed files: a name always holds the same bytes, in any build. */
const contentAddressed = (path: string) =>
  path.startsWith(BUILD.assets) || /\.pf_(meta|index|fragment|filter)$/.test(path);

/**
 * The manifest as the server has it now, checked against this worker's build; undefined when the
 * server has none (the conference left the site).
 */
async function fetchManifest(url: string): Promise<{ manifest: OfflineManifest; response: Response } | undefined> {
  const response = await fetch(url, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const manifest: unknown = await response.clone().json();
  if (!isOfflineManifest(manifest)) throw new Error(`${url} is not an offline manifest`);
  if (manifest.buildId !== BUILD.id) {
    throw new Error('The digest was rebuilt while you were here: reload this page, then keep it again.');
  }
  return { manifest, response };
}

/** A file of the same name in an older copy, when its name says it cannot have changed. */
async function olderCopy(url: string): Promise<Response | undefined> {
  if (!contentAddressed(new URL(url, location.href).pathname)) return undefined;
  for (const name of (await caches.keys()).filter(isSiteCache(BUILD.base))) {
    if (name === CACHE || name === keptCache(BUILD.base)) continue;
    const found = await (await caches.open(name)).match(url);
    if (found) return found;
  }
  return undefined;
}

/**
 * Puts every URL the kept conferences' manifests list into this build's cache, skipping what it
 * holds already (an interrupted download resumes), and checks that the server did not change
 * build meanwhile. Returns the conferences the server still has.
 */
async function download(
  kept: readonly KeptConference[],
  progress: (done: number, total: number, bytes: number) => void,
): Promise<KeptConference[]> {
  const fetched = (
    await Promise.all(kept.map(async (conference) => ({ conference, found: await fetchManifest(conference.manifest) })))
  ).flatMap(({ conference, found }) => (found ? [{ conference, ...found }] : []));
  const cache = await caches.open(CACHE);
  const urls = [...new Set(fetched.flatMap((f) => f.manifest.urls))];
  const total = urls.length;
  let done = 0;
  let bytes = 0;
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      let response = (await cache.match(url)) ?? (await olderCopy(url));
      if (!response) {
        response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      }
      const body = await response.clone().arrayBuffer();
      await cache.put(url, response);
      done += 1;
      bytes += body.byteLength;
      progress(done, total, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, worker));
  // The same build before and after (fetchManifest checks it): what was downloaded belongs together.
  await Promise.all(fetched.map((f) => fetchManifest(f.conference.manifest)));
  await Promise.all(fetched.map((f) => cache.put(f.conference.manifest, f.response)));
  return fetched.map((f) => f.conference);
}

scope.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const kept = await readKept(BUILD.base);
      if (kept.length > 0) {
        const still = await download(kept, () => undefined);
        if (still.length < kept.length) await writeKept(BUILD.base, still);
      }
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys())
        .filter(isSiteCache(BUILD.base))
        .filter((name) => name !== CACHE && name !== keptCache(BUILD.base));
      await Promise.all(old.map((name) => caches.delete(name)));
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('message', (event: ExtendableMessageEvent) => {
  const port = event.ports[0];
  const request: unknown = event.data;
  if (!port || !isKeepRequest(request)) return;
  const post = (message: KeepMessage) => port.postMessage(message);
  event.waitUntil(
    (async () => {
      try {
        const conference = { id: request.id, manifest: request.manifest };
        const found = await download([conference], (done, total, bytes) =>
          post({ type: 'progress', done, total, bytes }),
        );
        if (found.length === 0) throw new Error(`${conference.manifest}: the site has no offline copy of this digest`);
        const kept = (await readKept(BUILD.base)).filter((k) => k.id !== conference.id);
        await writeKept(BUILD.base, [...kept, conference]);
        post({ type: 'done', buildId: BUILD.id, builtOn: BUILD.builtOn });
      } catch (error) {
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })(),
  );
});

/** A response with the offline note at the top of its page. */
async function marked(response: Response, status = response.status): Promise<Response> {
  const html = withBanner(await response.text(), offlineBanner(BUILD.builtOn));
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(html, { status, statusText: status === 503 ? 'Offline' : response.statusText, headers });
}

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    const kept =
      (await cache.match(url.href, { ignoreSearch: true })) ??
      (url.pathname.endsWith('/') ? undefined : await cache.match(`${url.pathname}/`));
    if (kept) return marked(kept);
    const fallback = await cache.match(BUILD.fallback);
    if (fallback) return marked(fallback, 503);
    throw error;
  }
}

/**
 * The copy's file for a request, whatever its query: Pagefind adds a cache-busting `?ts=` to its
 * metadata and entry requests, and no file of the site varies by query.
 */
const copyOf = async (request: Request) => (await caches.open(CACHE)).match(request, { ignoreSearch: true });

async function copyFirst(request: Request): Promise<Response> {
  return (await copyOf(request)) ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await copyOf(request);
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener('fetch', (event: FetchEvent) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(BUILD.base)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (contentAddressed(url.pathname)) event.respondWith(copyFirst(request));
  else event.respondWith(networkFirst(request));
});

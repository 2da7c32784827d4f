/**
 * Where the offline copy lives in the browser's Cache Storage, shared by the service worker and the
 * offline page: one cache per build (`<prefix> <base> <build id>`), so a new build is downloaded
 * beside the old one and replaces it whole, and one small cache that remembers which conferences
 * the reader kept. The base is in every name: two sites under different paths of one origin never
 * touch each other's copies.
 */

const PREFIX = 'conference-digest-offline';

/** The cache holding the complete copy of one build. */
export const buildCache = (base: string, buildId: string): string => `${PREFIX} ${base} ${buildId}`;

/** The cache that remembers what the reader kept, across builds. */
export const keptCache = (base: string): string => `${PREFIX} ${base} kept`;

/** Whether a cache name belongs to the offline copy of the site at `base`. */
export const isSiteCache = (base: string) => (name: string) => name.startsWith(`${PREFIX} ${base} `);

/** A conference the reader kept: the manifest URL says what to download for each new build. */
export interface KeptConference {
  id: string;
  manifest: string;
}

const isKept = (value: unknown): value is KeptConference =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  typeof value.id === 'string' &&
  'manifest' in value &&
  typeof value.manifest === 'string';

/** The key of the kept list: a URL under the base that no file of the site has. */
const keptKey = (base: string) => `${base}offline-kept.json`;

/** The conferences kept for offline reading, read without creating the cache. */
export async function readKept(base: string): Promise<KeptConference[]> {
  if (!(await caches.has(keptCache(base)))) return [];
  const response = await (await caches.open(keptCache(base))).match(keptKey(base));
  if (!response) return [];
  const list: unknown = await response.json();
  return Array.isArray(list) ? list.filter(isKept) : [];
}

export async function writeKept(base: string, kept: readonly KeptConference[]): Promise<void> {
  const cache = await caches.open(keptCache(base));
  await cache.put(
    keptKey(base),
    new Response(JSON.stringify(kept), { headers: { 'Content-Type': 'application/json' } }),
  );
}

/** Deletes every cache of the site's offline copy; returns how many there were. */
export async function deleteSiteCaches(base: string): Promise<number> {
  const names = (await caches.keys()).filter(isSiteCache(base));
  await Promise.all(names.map((name) => caches.delete(name)));
  return names.length;
}

/** What the worker tells the offline page while it keeps a conference (over a `MessageChannel`). */
export type KeepMessage =
  | { type: 'progress'; done: number; total: number; bytes: number }
  | { type: 'done'; buildId: string; builtOn: string }
  | { type: 'error'; message: string };

/** What the offline page asks of the worker. */
export interface KeepRequest {
  type: 'keep';
  /** The manifest URL of the conference to keep. */
  manifest: string;
  id: string;
}

export const isKeepRequest = (value: unknown): value is KeepRequest =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  value.type === 'keep' &&
  'manifest' in value &&
  typeof value.manifest === 'string' &&
  'id' in value &&
  typeof value.id === 'string';

export const isKeepMessage = (value: unknown): value is KeepMessage =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  (value.type === 'progress' || value.type === 'done' || value.type === 'error');

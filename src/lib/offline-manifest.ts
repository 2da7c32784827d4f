/**
 * What a conference's offline copy holds: the file the build writes beside each conference page
 * (`<conference>/offline.json`) and the offline page, the service worker and the tests read. No DOM
 * and no Node here: the worker and the page bundle it.
 */

export interface OfflineManifest {
  /** Changes whenever any file of any offline copy of the build changes: the worker's version. */
  buildId: string;
  /** The day the site was built, `YYYY-MM-DD` (UTC). */
  builtOn: string;
  conference: { id: string; name: string; url: string };
  /** Every URL the copy holds, as paths under the base, sorted. */
  urls: string[];
  /** Their bytes as the build wrote them, uncompressed: what the copy takes on the reader's device. */
  bytes: number;
  /** Kinds of page the copy leaves out at this size, as a reader names them ("author pages"). */
  omitted: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Whether a parsed JSON value is a manifest the worker can act on. */
export function isOfflineManifest(value: unknown): value is OfflineManifest {
  if (!isRecord(value) || !isRecord(value['conference'])) return false;
  const { conference } = value;
  return (
    typeof value['buildId'] === 'string' &&
    typeof value['builtOn'] === 'string' &&
    typeof conference['id'] === 'string' &&
    typeof conference['name'] === 'string' &&
    typeof conference['url'] === 'string' &&
    isStringArray(value['urls']) &&
    typeof value['bytes'] === 'number' &&
    isStringArray(value['omitted'])
  );
}

/** A size as a reader reads it, in SI units like the benchmark: "840 kB", "3.1 MB", "212 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  const mb = bytes / 1e6;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}

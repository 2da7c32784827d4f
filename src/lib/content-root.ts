import { resolve } from 'node:path';

/**
 * The folder editors write in. `CONTENT_ROOT` points the whole site at another folder
 * (tests build fixture conferences this way); relative paths resolve from the working directory.
 */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return resolve(env['CONTENT_ROOT'] ?? 'content');
}

/**
 * D, the whole-index search baselines: builds a MiniSearch or Lunr index over the documents Pagefind
 * indexes and prints its serialised size (raw, gzip, brotli) as JSON. The whole index is what a
 * reader's browser downloads before its first search with either library. Runs in its own process
 * so that its time and peak memory are measured alone.
 *
 *   node bench/lib/baseline-child.ts <minisearch|lunr> <documents.json> [sizes]
 *
 * Compressing tens of megabytes at brotli's top quality takes minutes, so the compressed sizes are
 * computed only when `sizes` is passed (the benchmark does so in its last round); they are the
 * same every round.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { IndexDocument } from './output.ts';

export interface BaselineSize {
  library: 'minisearch' | 'lunr';
  documents: number;
  /** Seconds to build and serialise the index, inside the process. */
  seconds: number;
  rawBytes: number;
  /** 0 unless asked for. */
  gzipBytes: number;
  /** 0 unless asked for. */
  brotliBytes: number;
}

function serialise(library: string, docs: IndexDocument[]): string {
  if (library === 'minisearch') {
    const index = new MiniSearch<IndexDocument>({
      idField: 'url',
      fields: ['title', 'body'],
      // What a result list shows, stored in the index as a reader would need it.
      storeFields: ['title', 'url'],
    });
    index.addAll(docs);
    return JSON.stringify(index);
  }
  if (library === 'lunr') {
    const index = lunr(function () {
      this.ref('url');
      this.field('title');
      this.field('body');
      for (const doc of docs) this.add(doc);
    });
    // Lunr stores no fields: a result list needs the titles beside the index.
    const titles = Object.fromEntries(docs.map((d) => [d.url, d.title]));
    return JSON.stringify({ index, titles });
  }
  throw new Error(`unknown baseline "${library}" (minisearch or lunr)`);
}

const [library = '', documentsFile = '', sizes = ''] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(documentsFile, 'utf8')) as IndexDocument[];
const started = performance.now();
const json = serialise(library, docs);
const seconds = (performance.now() - started) / 1000;
const result: BaselineSize = {
  library: library as BaselineSize['library'],
  documents: docs.length,
  seconds,
  rawBytes: Buffer.byteLength(json),
  gzipBytes: sizes ? gzipSync(json, { level: 9 }).length : 0,
  brotliBytes: sizes ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0,
};
console.log(JSON.stringify(result));

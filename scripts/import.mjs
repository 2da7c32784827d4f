#!/usr/bin/env node
/**
 * `npm run import -- <file.bib> --conference <id>`: paper records from a BibTeX export (see
 * src/import/). Vite's module runner loads the TypeScript sources exactly as the build does.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../src/import/index.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = module.main(process.argv.slice(2));

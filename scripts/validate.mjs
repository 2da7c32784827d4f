#!/usr/bin/env node
/**
 * `npm run validate [-- <content root>]`: checks all content at once (see src/validate/).
 * Vite's module runner loads the TypeScript sources exactly as the site's build does.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../src/validate/index.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));

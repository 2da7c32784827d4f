#!/usr/bin/env node
/**
 * `npm run new -- conference <id>`, `theme <conference> <slug>` or `paper <conference> <id>`: a
 * valid skeleton with its fields explained (see src/scaffold/).
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../src/scaffold/index.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = module.main(process.argv.slice(2));

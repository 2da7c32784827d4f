import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**', 'tests/browser/**', 'tests/lighthouse/**'],
        },
      },
      {
        test: {
          name: 'site',
          sequence: { groupOrder: 0 },
          // Browser tests reuse the site builds of the global setup.
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/site/setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'lighthouse',
          // Performance scores depend on a quiet machine: `npm test` runs this project on its own
          // after the others (the group order says the same to a bare `vitest run`), one page at a time.
          include: ['tests/lighthouse/**/*.test.ts'],
          globalSetup: ['tests/lighthouse/setup.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          // A page's score is the median of three runs; on a two-core machine one run in five or
          // so still loses a point to the machine's own load (search: 98-100 per run), so a
          // failed median is measured again, up to twice, before the test fails.
          retry: 2,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

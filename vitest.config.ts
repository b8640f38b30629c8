// Two projects: fast unit tests beside the code, and integration tests in
// tests/ that share one real, throw-away Neo4j and so run one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,ingest,server,client,bench}/**/*.test.ts'],
          // Files starting with _ are helpers, not tests.
          exclude: ['**/_*', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // The browser tests have their own project and server (below).
          exclude: ['**/_*', '**/node_modules/**', 'tests/e2e/**'],
          globalSetup: ['tests/_setup/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // The explorer in Debian's Chromium against the real server and the samples.
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['**/_*', '**/node_modules/**'],
          globalSetup: ['tests/e2e/_setup/global-server.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

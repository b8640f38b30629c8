// Two projects: fast unit tests beside the code, and integration tests in
// tests/ that share one real, throw-away Neo4j and so run one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,ingest,server,client}/**/*.test.ts'],
          // Files starting with _ are helpers, not tests.
          exclude: ['**/_*', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/_*', '**/node_modules/**'],
          globalSetup: ['tests/_setup/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const scale = process.env.HASHCHAT_TEST_BACKEND === 'scale';
// Unit and API files: one worker fewer than the cores, but at least two (vitest's default is one
// on two cores); on PostgreSQL + Redis (`npm run test:scale`) vitest's default, as before.
const apiWorkers = scale ? undefined : Math.max(2, availableParallelism() - 1);

// One runner, three projects: pure unit tests beside the code, API/stream tests over real
// HTTP on a real database, and browser tests in Chromium. `npm test` runs all three.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          maxWorkers: apiWorkers,
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['packages/server/test/**/*.test.ts', 'bench/**/*.test.ts'],
          // The server's code is loaded once per worker, not once per file (see CONTRIBUTING.md).
          isolate: scale,
          maxWorkers: apiWorkers,
          // Multi-instance tests need PostgreSQL and Redis (and restart Redis): `npm run test:scale`.
          exclude: ['packages/server/test/scale/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/web/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file launches its own Chromium; two at once keep two cores busy (more only queue).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      ...(scale
        ? [
            {
              test: {
                name: 'scale',
                include: ['packages/server/test/scale/**/*.test.ts'],
                environment: 'node' as const,
                testTimeout: 120_000,
                hookTimeout: 180_000,
                maxWorkers: 1,
                sequence: { groupOrder: 2 },
              },
            },
          ]
        : []),
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure core, Node + happy-dom + fake-indexeddb) and `e2e` (the built
// extension in headless Chromium). `npm test` runs both; `npm run test:unit` is the quick loop.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/meta.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          // Some tests read the full official code sets or very large pages; on a loaded 2-core
          // machine they outlast the 5 s default without anything being wrong.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

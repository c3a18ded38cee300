import { defineConfig } from 'vitest/config';

// The console's tests in Node: its logic outside React (src, no database) and its browser tests (test/browser: a test
// database, the real server from source serving the built app, Chromium). `test` runs after `build` (turbo.json).
export default defineConfig({
  test: {
    // Each browser file gets its own database; Chromium and the server share the machine's two cores.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['@mailyard/test-harness/global-setup'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// The portal's browser tests in Node: a test database, the real server from source serving the built app, Chromium.
// `test` runs after `build` (turbo.json).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['@mailyard/test-harness/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Chromium and the server share the machine's two cores.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; browser files share the machine's two cores with the server.
    maxWorkers: 2,
    // Real servers on a shared two-core machine: a test failing once is run again, and named (flaky-reporter.ts).
    retry: 1,
    reporters: ['default', './test/support/flaky-reporter.ts'],
  },
});

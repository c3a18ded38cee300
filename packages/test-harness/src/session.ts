import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDeps, type TestDeps } from '@mailyard/server/testing/deps';
import { createOperator, type TestOperator } from '@mailyard/server/testing/fixtures';
import type { TestServer } from '@mailyard/server/testing/server';
import { launchChromium, pageErrors, screenshot } from './chromium.ts';
import { startAppServer, type App } from './server.ts';

/** What `useBrowserSession` sets up; filled in by its `beforeAll`, so read it in tests and hooks, not at module level. */
export interface BrowserSession {
  deps: TestDeps;
  op: TestOperator;
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The page's uncaught errors, so a test can assert that the app never crashed. */
  errors: Error[];
}

export interface BrowserSessionOptions {
  /** The app the file tests: it must be built (the server serves the other one too when it is built). */
  app: App;
  /** A failed test leaves `test-artifacts/<screenshotPrefix><test name>.png`. */
  screenshotPrefix: string;
  /** The server's job worker, as in `startAppServer`: `false` when the test runs the jobs itself. */
  worker?: boolean;
  /** Config for `createTestDeps`. */
  env?: Record<string, string>;
  /** Browser permissions granted to the page (e.g. the clipboard). */
  permissions?: string[];
  /** The file's own fixtures, made before the server starts. */
  setup?: (deps: TestDeps, op: TestOperator) => Promise<void>;
  /** How long the set-up may take, fixtures included, in ms (a file that makes many rows); the config's hookTimeout otherwise. */
  setupTimeout?: number;
}

/**
 * The harness the apps' browser test files share, so each states only what is its own: a fresh database with an
 * operator, the real server, and one desktop page in Chromium that the file's tests walk through in order. Registers
 * the vitest hooks: `beforeAll` sets it up, `afterEach` screenshots what a failed test left on screen, `afterAll` closes
 * it all and drops the database.
 */
export function useBrowserSession(options: BrowserSessionOptions): BrowserSession {
  const session: Partial<BrowserSession> = {};

  beforeAll(async () => {
    session.deps = await createTestDeps(options.env);
    session.op = await createOperator(session.deps);
    await options.setup?.(session.deps, session.op);
    session.server = await startAppServer(session.deps, { apps: [options.app], worker: options.worker });
    session.browser = await launchChromium();
    session.context = await session.browser.newContext({
      baseURL: session.server.url,
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      permissions: options.permissions,
    });
    session.context.setDefaultTimeout(15_000);
    session.page = await session.context.newPage();
    session.errors = pageErrors(session.page);
  }, options.setupTimeout);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && session.page) await screenshot(session.page, `${options.screenshotPrefix}${ctx.task.name.replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    await session.server?.close();
    await session.deps?.database.drop();
  });

  return session as BrowserSession;
}

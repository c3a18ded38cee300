import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import type { Deps } from '../../src/deps.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import type { TestServer } from './server.ts';

/** Screenshots of browser tests land here (gitignored); CI keeps them as artifacts. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** The system Chromium (Debian's `chromium` package); playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** Saves a full-page PNG as `test-artifacts/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Collects uncaught page errors, so a test can assert that the app never crashed. */
export function pageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** `apps/<app>/dist`, where `pnpm --filter @mailyard/<app> build` puts the app. */
export const builtApp = (app: 'admin' | 'portal') => fileURLToPath(new URL(`../../../${app}/dist`, import.meta.url));

/**
 * The real HTTP server with the built apps, as `startTestServer`, but with the apps' directories given
 * explicitly: `appDist()` resolves them from the bundle's location, which differs when running from source.
 */
export async function startConsoleServer(deps: Deps, options: { worker?: boolean } = {}): Promise<TestServer> {
  for (const app of ['admin', 'portal'] as const) {
    if (!existsSync(path.join(builtApp(app), 'index.html'))) {
      throw new Error(`The ${app} app is not built: run \`pnpm --filter @mailyard/${app} build\` first.`);
    }
  }
  const server = await buildApp(deps, { appDirs: { admin: builtApp('admin'), portal: builtApp('portal') } });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const worker = options.worker === false ? null : startWorker(deps, jobRegistry, { pollMs: 100 });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await worker?.stop();
      await server.close();
    },
  };
}

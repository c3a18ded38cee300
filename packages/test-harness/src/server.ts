import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDeps } from '@mailyard/server/testing/deps';
import { startTestServer, type TestServer } from '@mailyard/server/testing/server';

export type App = 'admin' | 'portal';

/** `apps/<app>/dist`, where `pnpm --filter @mailyard/<app> build` puts the app. */
export const builtApp = (app: App) => fileURLToPath(new URL(`../../../apps/${app}/dist`, import.meta.url));

/**
 * The real HTTP server (/trpc, /healthz, the device and mail-server endpoints) serving the built apps, with a job worker
 * unless `worker: false`. Refuses to start when an app of `apps` is not built; the other app is served if it is built.
 */
export async function startAppServer(deps: TestDeps, options: { apps: App[]; worker?: boolean }): Promise<TestServer> {
  for (const app of options.apps) {
    if (!existsSync(path.join(builtApp(app), 'index.html'))) {
      throw new Error(`The ${app} app is not built: run \`pnpm --filter @mailyard/${app} build\` first.`);
    }
  }
  return startTestServer(deps, { worker: options.worker, appDirs: { admin: builtApp('admin'), portal: builtApp('portal') } });
}

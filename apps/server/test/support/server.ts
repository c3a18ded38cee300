import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions } from '../../src/app.ts';
import type { Deps } from '../../src/deps.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { startWorker } from '../../src/jobs/worker.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real HTTP server (built apps, /trpc, /healthz) with a job worker, on a free loopback port; `appDirs` as `buildApp`'s. */
export async function startTestServer(deps: Deps, options: { worker?: boolean; appDirs?: AppOptions['appDirs'] } = {}): Promise<TestServer> {
  const server = await buildApp(deps, { appDirs: options.appDirs });
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

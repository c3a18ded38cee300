/**
 * The real server for the benchmark, in a process of its own so the client does not share its event loop:
 * `buildApp` + `listen` on a free loopback port, as `main.ts` composes it, without the job worker. Prints the port.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../apps/server/src/app.ts';
import { benchDeps } from './deps.ts';

const url = process.env.BENCH_SERVER_DATABASE_URL;
if (!url) throw new Error('BENCH_SERVER_DATABASE_URL is not set');
const { deps, close } = benchDeps(url);
const server = await buildApp(deps, { logger: false });
await server.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`);

const stop = async () => {
  await server.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

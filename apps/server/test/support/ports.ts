import { createServer } from 'node:net';

/**
 * Ports for the servers the tests start (the product, Postfix, Dovecot, slapd, PgBouncer…), found free by binding them.
 * They are taken below Linux's ephemeral range (32768–60999 by default), which the kernel hands out to every
 * `listen(0)` and to every outgoing connection: a port found free there and released a moment later could be taken
 * by another test's client or server before ours bound it ("Address already in use", seen in CI). Each vitest worker
 * draws from a block of its own, from a random place in it and then in turn, so two test files running at once never
 * pick the same port and a file does not reuse the ports of the one before it in the same worker.
 */
const FIRST = 20_000;
const BLOCK = 1_000;
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
const blockStart = FIRST + ((Math.max(worker, 1) - 1) % 12) * BLOCK;
let offset = Math.floor(Math.random() * BLOCK);

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A loopback TCP port nothing listens on, and that this process has not handed out before (within its block). */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < BLOCK; tries++) {
    const port = blockStart + offset;
    offset = (offset + 1) % BLOCK;
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${blockStart}–${blockStart + BLOCK - 1}`);
}

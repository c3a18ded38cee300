import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from '../src/embedded.ts';

/** A loopback port held by a listening socket: taken, as when another program binds it between the check and the start. */
let holder: Server;
let taken: number;
let dir: string;
beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  taken = (holder.address() as { port: number }).port;
  dir = await mkdtemp(path.join(tmpdir(), 'mailyard-port-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach the folder
});
afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const kernelPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

it('starts on another port when the one found free is taken before PostgreSQL binds it', { timeout: 120_000 }, async () => {
  const lines: string[] = [];
  const given: number[] = [];
  const freePort = async () => {
    const port = given.length === 0 ? taken : await kernelPort();
    given.push(port);
    return port;
  };
  const embedded = await startEmbeddedPostgres(dir, { log: (line) => lines.push(line), freePort });
  try {
    expect(given).toHaveLength(2);
    expect(Number(new URL(embedded.url).port)).toBe(given[1]);
    expect(lines.some((line) => /Address already in use/.test(line))).toBe(true);
    expect(lines).toContain(`port ${taken} was taken before PostgreSQL bound it; trying another`);
    const sql = postgres(embedded.url, { max: 1 });
    expect((await sql`select 1 as one`)[0]!.one).toBe(1);
    await sql.end();
  } finally {
    await embedded.stop();
  }
});

it('does not choose another port when one was given: it says the port is taken', { timeout: 60_000 }, async () => {
  const failure = await startEmbeddedPostgres(dir, { port: taken }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(EmbeddedDatabaseError);
  expect((failure as EmbeddedDatabaseError).message).toMatch(/Address already in use/);
  expect((failure as EmbeddedDatabaseError).hint).toBe('The port was taken meanwhile: start again.');
});

import { CreateUserCommand, WorkMailClient } from '@aws-sdk/client-workmail';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openProbe, type Probe, type TestDatabase } from '@mailyard/db/testing';
import { ADMIN_PASSWORD, freePort, operatorClient, operatorToken, startProduct, stopProduct, waitFor, type Product } from '../support/product.ts';
import { rawConnection, requestAlone, serverConnections, type RawConnection } from '../support/raw-http.ts';

/**
 * Clients that are slow, idle or gone do not stall the others: the built product, started once for the file with
 * short HTTP limits, meets a slowloris, a reader that barely reads, 100 idle keep-alive connections and clients that
 * vanish mid-answer; while each happens, ordinary requests (each on a connection of its own) keep answering, and
 * afterwards the server is healthy and holds no more connections than before. No timing is asserted beyond "the
 * server cut it off": the machine is shared.
 */
const LIMITS = { headers: 2, request: 4, idle: 8, keepAlive: 20 };
const ROOT_KEY = { accessKeyId: 'AKIASLOWCLIENTS0001', secretAccessKey: randomBytes(24).toString('hex') };
const PASSWORD = 'Slow-clients-Password-2026';

let database: TestDatabase;
let product: Product;
let port: number;
let probe: Probe;
let token: string;
let organizationId: string;
/** A 1 MB asset of the console: a large answer without setting up data. */
let largeAsset: string;
let largeAssetBytes: number;

beforeAll(async () => {
  database = await createTestDatabase();
  port = await freePort();
  product = await startProduct({
    DATABASE_URL: database.url,
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MAILYARD_ROOT_ACCESS_KEY_ID: ROOT_KEY.accessKeyId,
    MAILYARD_ROOT_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey,
    MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: String(LIMITS.headers),
    MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS: String(LIMITS.request),
    MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS: String(LIMITS.idle),
    MAILYARD_HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: String(LIMITS.keepAlive),
    PORT: String(port),
  });
  probe = openProbe(database.url);
  token = await operatorToken(product.url);
  ({ organizationId } = await (await operatorClient(product.url, token)).organizations.create.mutate({ alias: 'slow-clients' }));
  await waitFor('the organization to be Active', async () => (await probe.sql`select 1 from organizations where id = ${organizationId} and state = 'Active'`).length > 0);
  const shell = await requestAlone(product.url, '/admin/');
  largeAsset = /\/admin\/assets\/index-[\w-]+\.js/.exec(shell.body)![0];
  largeAssetBytes = Buffer.byteLength((await requestAlone(product.url, largeAsset)).body);
}, 120_000);
afterAll(async () => {
  if (product) await stopProduct(product);
  await probe?.close();
  await database?.drop();
});

/** Rounds of `/healthz` and a users list through tRPC, one after the other: every answer, in order. */
async function ordinaryRequests(rounds = 5): Promise<number[]> {
  const list = `/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: { organizationId, limit: 10 } }))}`;
  const statuses: number[] = [];
  for (let i = 0; i < rounds; i++) {
    statuses.push((await requestAlone(product.url, '/healthz')).status);
    statuses.push((await requestAlone(product.url, list, { authorization: `Bearer ${token}` })).status);
  }
  return statuses;
}

/** Healthy, still the same process, and back to at most the connections it held before (the pooled ones may have gone). */
async function settled(connectionsBefore: number): Promise<void> {
  await waitFor('the server to hold no more connections than before', async () => (await serverConnections(port)) <= connectionsBefore, 60_000, 100);
  expect(JSON.parse((await requestAlone(product.url, '/healthz')).body)).toMatchObject({ status: 'ok' });
  expect(product.child.exitCode).toBeNull();
}

/** Writes `bytes` one at a time, one every `everyMs`, until they run out or the connection closes. */
async function trickle(connection: RawConnection, bytes: string, everyMs = 100): Promise<number> {
  let sent = 0;
  while (sent < bytes.length && !connection.socket.destroyed && connection.socket.writable) {
    connection.socket.write(bytes[sent++]!);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return sent;
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const ALL_OK = (statuses: number[]) => expect(statuses.every((s) => s === 200) ? 'all 200' : statuses).toBe('all 200');

describe('slow, idle and vanishing clients do not stall the others', () => {
  it('a slowloris sending its headers one byte per 100 ms is cut off by the headers timeout (408)', async () => {
    const before = await serverConnections(port);
    const slow = await rawConnection(product.url);
    slow.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    // Far more header bytes than fit in the timeout at this pace: only the server can end this.
    const sending = trickle(slow, `X-Slow: ${'a'.repeat(10_000)}\r\n\r\n`);
    ALL_OK(await ordinaryRequests());
    expect(await slow.closed).toEqual({ byServer: true });
    expect(await sending).toBeLessThan(10_000);
    expect(slow.received().toString()).toMatch(/^HTTP\/1\.1 408 /);
    await settled(before);
  }, 60_000);

  it('a request body sent one byte per 100 ms is cut off by the request timeout (408)', async () => {
    const before = await serverConnections(port);
    const slow = await rawConnection(product.url);
    const body = JSON.stringify({ json: { organizationId, name: 'never-arrives', displayName: 'x'.repeat(5_000) } });
    slow.socket.write(
      `POST /trpc/users.create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    const sending = trickle(slow, body);
    ALL_OK(await ordinaryRequests());
    expect(await slow.closed).toEqual({ byServer: true });
    expect(await sending).toBeLessThan(body.length);
    expect(slow.received().toString()).toMatch(/^HTTP\/1\.1 408 /);
    expect(await probe.sql`select 1 from users where name = 'never-arrives'`).toHaveLength(0);
    await settled(before);
  }, 60_000);

  it('a reader taking 64 KB every 100 ms of twenty pipelined 1 MB answers, then none at all until the idle timeout closes it', async () => {
    const before = await serverConnections(port);
    const reader = await rawConnection(product.url);
    // Twenty answers of a megabyte are far more than the socket buffers hold: the server has to wait on this client.
    reader.socket.write(`GET ${largeAsset} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`.repeat(20));
    reader.socket.pause();
    const pace = setInterval(() => {
      reader.socket.once('data', () => reader.socket.pause());
      reader.socket.resume();
    }, 100);
    await waitFor('the answers to start arriving', () => reader.received().length > 0, 30_000, 20);
    ALL_OK(await ordinaryRequests());
    expect(reader.received().length).toBeLessThan(20 * largeAssetBytes); // the server is still waiting on this reader
    // Now it stops reading altogether: nothing moves on the socket, and the idle timeout makes the server let go of it
    // (its FIN waits behind the unread data, so this client, reading nothing, would not see it).
    clearInterval(pace);
    expect(await serverConnections(port, reader.socket.localPort)).toBe(1);
    await waitFor('the server to let go of the silent reader', async () => (await serverConnections(port, reader.socket.localPort)) === 0, 60_000, 100);
    reader.drop();
    ALL_OK(await ordinaryRequests(1));
    await settled(before);
  }, 90_000);

  it('100 idle keep-alive connections: others are served meanwhile, and the keep-alive timeout closes them all', async () => {
    const before = await serverConnections(port);
    const idle = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const c = await rawConnection(product.url);
        c.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        await waitFor('its answer', () => c.received().toString().includes('"status":"ok"'), 30_000, 20);
        return c;
      }),
    );
    const held = await Promise.all(idle.map((c) => serverConnections(port, c.socket.localPort)));
    expect(held.filter((n) => n === 1)).toHaveLength(100);
    ALL_OK(await ordinaryRequests());
    for (const c of idle) expect(c.received().toString()).toMatch(/^HTTP\/1\.1 200 [^]*keep-alive/i);
    // Well past the 20 s set here, well before Fastify's default of 72 s: the setting is what closes them.
    const closed = await within(60_000, Promise.all(idle.map((c) => c.closed)));
    expect(closed.every((c) => c.byServer)).toBe(true);
    await settled(before);
  }, 90_000);

  it('clients that vanish in the middle of a 1 MB answer', async () => {
    const before = await serverConnections(port);
    const vanishing = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = await rawConnection(product.url);
        c.socket.write(`GET ${largeAsset} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        await waitFor('the answer to start', () => c.received().length > 0, 30_000, 10);
        c.drop();
        return c;
      }),
    );
    ALL_OK(await ordinaryRequests());
    expect(vanishing.every((c) => c.received().length < largeAssetBytes)).toBe(true);
    await settled(before);
  }, 60_000);

  it('a long /aws call whose client gives up: the others are served, and the change is stored whole, once', async () => {
    const before = await serverConnections(port);
    const aws = new WorkMailClient({ region: 'us-east-1', endpoint: `${product.url}/aws`, credentials: ROOT_KEY, maxAttempts: 1 });
    // The create waits on this lock, so the call is still running when its client aborts.
    const users = await probe.hold(['lock table users in share mode']);
    const abort = new AbortController();
    const call = aws
      .send(new CreateUserCommand({ OrganizationId: organizationId, Name: 'gave-up', DisplayName: 'Gave Up', Password: PASSWORD }), { abortSignal: abort.signal })
      .then(
        () => 'answered',
        (error: Error) => error.name,
      );
    await waitFor('the call to wait on the lock', async () => (await probe.lockWaiters()) > 0, 30_000, 20);
    abort.abort();
    expect(await call).toBe('AbortError');
    ALL_OK(await ordinaryRequests());
    await users.release();
    // The server finished the operation for nobody: it is committed exactly as if the answer had been read.
    await waitFor('the user to be stored', async () => (await probe.sql`select 1 from users where name = 'gave-up'`).length > 0, 30_000);
    const [{ n }] = (await probe.sql<{ n: number }[]>`
      select count(*)::int as n from audit_events where organization_id = ${organizationId} and action = 'user.create' and target_label = 'gave-up'`) as unknown as [{ n: number }];
    expect(n).toBe(1);
    expect(await probe.sql`select 1 from users where name = 'gave-up'`).toHaveLength(1);
    aws.destroy();
    await settled(before);
  }, 60_000);
});

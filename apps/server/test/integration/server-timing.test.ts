import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** `Server-Timing`: what a request spent in the server, and on password hashing apart. */
let deps: TestDeps;
let op: TestOperator;
let server: TestServer;

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  server = await startTestServer(deps, { worker: false });
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const timings = (res: Response) =>
  Object.fromEntries((res.headers.get('server-timing') ?? '').split(', ').map((entry) => [entry.split(';')[0], Number(entry.split('dur=')[1])]));

it('reports the time argon2 took on a request that checks a password', async () => {
  const res = await fetch(`${server.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: op.email, password: op.password } }),
  });
  expect(res.status).toBe(200);
  const { app, argon2 } = timings(res);
  expect(argon2).toBeGreaterThan(0);
  expect(app).toBeGreaterThanOrEqual(argon2!);
});

it('reports only the server time on a request that hashes nothing', async () => {
  const res = await fetch(`${server.url}/healthz`);
  expect(Object.keys(timings(res))).toEqual(['app']);
});

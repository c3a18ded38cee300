import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort, startProduct, stopProduct as stop, tempDataDir } from '../support/product.ts';

/**
 * The built product on the embedded default: first start creates the database and the first operator,
 * SIGTERM stops it cleanly (the embedded PostgreSQL too), and a second start on the same data dir finds
 * everything again.
 */
let dataDir: string;
let port: number;

beforeAll(async () => {
  dataDir = await tempDataDir('e2e');
  port = await freePort();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const start = () => startProduct({ MAILYARD_DATA_DIR: dataDir, PORT: String(port) });

async function trpc(pathName: string, input: unknown, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/trpc/${pathName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: input }),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: { json: unknown } } }, cookie: res.headers.get('set-cookie') };
}

describe('the built server on the embedded database', () => {
  it('keeps its data across a clean restart', async () => {
    const first = await start();
    // Stopped however the test ends: a first start left running would hold the data directory against a retry.
    onTestFinished(async () => void (await stop(first)));
    const password = /Generated password[^:]*: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeTruthy();
    expect((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json())).toMatchObject({ status: 'ok', database: 'ok' });

    const signIn = await trpc('auth.signIn', { email: 'admin@mailyard.local', password });
    expect(signIn.status).toBe(200);
    const cookie = signIn.cookie!.split(';')[0]!;
    expect(signIn.cookie).toMatch(/HttpOnly/i);
    expect(signIn.cookie).toMatch(/SameSite=Strict/i);
    const created = await trpc('organizations.create', { alias: 'restart-check' }, cookie);
    expect(created.status).toBe(200);

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('shutting down');

    const second = await start();
    try {
      expect(second.output()).not.toContain('Generated password');
      const again = await trpc('auth.signIn', { email: 'admin@mailyard.local', password });
      expect(again.status).toBe(200);
      const list = await fetch(`http://127.0.0.1:${port}/trpc/organizations.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
        headers: { cookie: again.cookie!.split(';')[0]! },
      }).then((r) => r.json() as Promise<{ result: { data: { json: { items: { alias: string }[] } } } }>);
      expect(list.result.data.json.items.map((o) => o.alias)).toContain('restart-check');
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 120_000);
});

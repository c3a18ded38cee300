import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built product on the embedded default: first start creates the database and the first operator,
 * SIGTERM stops it cleanly (the embedded PostgreSQL too), and a second start on the same data dir finds
 * everything again.
 */
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
let dataDir: string;
let port: number;

beforeAll(async () => {
  if (!existsSync(main)) throw new Error('build the server first: pnpm --filter @mailyard/server build');
  dataDir = await mkdtemp(path.join(tmpdir(), 'mailyard-e2e-'));
  await chmod(dataDir, 0o755);
  port = await freePort();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  output: () => string;
}

async function start(): Promise<Running> {
  const env = { ...process.env, MAILYARD_DATA_DIR: dataDir, PORT: String(port) } as Record<string, string | undefined>;
  delete env.DATABASE_URL;
  delete env.MAILYARD_SECRET_KEY;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Mailyard is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

async function stop(running: Running): Promise<number | null> {
  running.child.kill('SIGTERM');
  return new Promise((resolve) => running.child.on('exit', (code) => resolve(code)));
}

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

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

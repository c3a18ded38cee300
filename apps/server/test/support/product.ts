import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMailyardClient, type MailyardClient } from '../../../../packages/client/src/index.ts';

/**
 * The built product (`dist/main.js`) as an operator runs it: a Node process of its own, started, stopped, killed.
 * Used by the tests of start, restart and crash (`test/e2e`, `test/faults`).
 */
export const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface Product {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export type ProductEnv = Record<string, string | undefined>;

/**
 * The environment of a product on the embedded default (no DATABASE_URL, key generated into the data dir), or on
 * `DATABASE_URL` when `env` gives one. Never inherits the test run's own database settings by accident.
 */
export function productEnv(env: ProductEnv): ProductEnv {
  const base: ProductEnv = { ...process.env };
  delete base.DATABASE_URL;
  delete base.MAILYARD_SECRET_KEY;
  for (const key of Object.keys(base)) if (key.startsWith('MAILYARD_TEST_')) delete base[key];
  return { ...base, ...env };
}

/** Spawns the product; `ready` waits for "Mailyard is running" (the default), else it returns at once. */
export function spawnProduct(env: ProductEnv): Product {
  if (!existsSync(mainJs)) throw new Error('build the server first: pnpm --filter @mailyard/server build');
  const child = spawn(process.execPath, [mainJs], { env: productEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid!, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

export async function startProduct(env: ProductEnv, timeoutMs = 60_000): Promise<Product> {
  const product = spawnProduct(env);
  const deadline = Date.now() + timeoutMs;
  while (!product.output().includes('Mailyard is running')) {
    if (product.child.exitCode !== null || Date.now() > deadline) {
      product.child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${product.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return product;
}

/** SIGTERM (the orderly stop) and its exit code. */
export async function stopProduct(product: Product): Promise<number | null> {
  if (product.child.exitCode === null && product.child.signalCode === null) product.child.kill('SIGTERM');
  return product.exited;
}

/** kill -9: no handler runs, nothing is flushed or closed by Mailyard itself. */
export async function killProduct(product: Product): Promise<void> {
  product.child.kill('SIGKILL');
  await product.exited;
}

/** A data directory PostgreSQL (running as `postgres` when the tests run as root) can use. */
export async function tempDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `mailyard-${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds, polling; returns how long it took (ms). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 50): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return performance.now() - started;
}

export const ADMIN_EMAIL = 'admin@mailyard.local';
export const ADMIN_PASSWORD = 'faults-Password-2026';

/** Signs in as the first operator (`ADMIN_PASSWORD` set at first start) and returns the cookie of the session. */
export async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The typed client scripts use, with a read-write API token of the first operator: it keeps working across restarts. */
export async function operatorClient(url: string): Promise<MailyardClient> {
  const cookie = await signIn(url);
  const session = createMailyardClient({ url: `${url}/trpc`, fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }) });
  const { token } = await session.apiTokens.create.mutate({ name: 'fault tests', access: 'read-write' });
  return createMailyardClient({ url: `${url}/trpc`, token });
}

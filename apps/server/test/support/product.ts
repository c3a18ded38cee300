import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMailyardClient, type MailyardClient } from '../../../../packages/client/src/index.ts';
import { freePort } from './ports.ts';

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

/** Spawns the product (`nodeArgs` go to Node, e.g. `--cpu-prof`; `script`: another build's main.js) and returns at once. */
export function spawnProduct(env: ProductEnv, nodeArgs: string[] = [], script = mainJs): Product {
  if (!existsSync(script)) throw new Error('build the server first: pnpm --filter @mailyard/server build');
  const child = spawn(process.execPath, [...nodeArgs, script], { env: productEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid!, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

/** Spawns the product and waits for "Mailyard is running". */
export async function startProduct(env: ProductEnv, timeoutMs = 60_000, nodeArgs: string[] = [], script = mainJs): Promise<Product> {
  const product = spawnProduct(env, nodeArgs, script);
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

export { freePort };

/** A data directory PostgreSQL (running as `postgres` when the tests run as root) can use. */
export async function tempDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `mailyard-${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
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

/** Signs in as the first operator (`ADMIN_PASSWORD` set at first start), or as `as`, and returns the cookie of the session. */
export async function signIn(url: string, as: { email: string; password: string } = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: as }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The typed client sending a console session's cookie (from `signIn`), as the browser does. */
export function cookieClient(url: string, cookie: string): MailyardClient {
  return createMailyardClient({ url: `${url}/trpc`, fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }) });
}

/** A read-write API token of the first operator (stored: it keeps working across restarts). */
export async function operatorToken(url: string): Promise<string> {
  const session = cookieClient(url, await signIn(url));
  return (await session.apiTokens.create.mutate({ name: 'fault tests', access: 'read-write' })).token;
}

/** The typed client scripts use, with `operatorToken`. */
export async function operatorClient(url: string, token?: string): Promise<MailyardClient> {
  return createMailyardClient({ url: `${url}/trpc`, token: token ?? (await operatorToken(url)) });
}

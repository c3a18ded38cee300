import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { postgresUser } from './embedded.ts';

/**
 * A throw-away PostgreSQL cluster of the machine's own PostgreSQL (`/usr/lib/postgresql/<version>/bin`) on a port of
 * the caller's choosing, for tests that restart or stop the database under a running Mailyard: never the shared
 * server other tests use.
 */
export interface ScratchPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  url: string;
  /** `pg_ctl restart -m <mode>`: fast rolls back open transactions; immediate is a crash, recovered from the WAL. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops the cluster and removes its directory. */
  destroy(): Promise<void>;
}

async function binDirectory(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL under ${root}: install the postgresql package (scripts/install-system-packages.sh)`);
  return path.join(root, versions[0]!, 'bin');
}

export async function startScratchPostgres(port: number): Promise<ScratchPostgres> {
  const bin = await binDirectory();
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-scratch-pg-'));
  const dataDir = path.join(dir, 'data');
  // As root, PostgreSQL runs as `postgres`, which must own the folder it creates its cluster in.
  const user = await postgresUser();
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
  const run = (tool: string, args: string[]) => promisify(execFile)(path.join(bin, tool), args, { ...user, cwd: dir });
  await run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args]);
  await pgCtl('-o', options, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(mode) {
      await pgCtl('-m', mode, '-o', options, 'restart');
    },
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

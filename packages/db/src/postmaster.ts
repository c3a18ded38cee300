import { readFile, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The embedded PostgreSQL seen from outside: what its `postmaster.pid` says, whether a process lives, and stopping a
 * postmaster that is not our child. Linux facts come from /proc; elsewhere a leftover cannot be proven ours and
 * PostgreSQL's own lock-file check decides.
 */

/** A start that cannot go on: what happened, and what the person starting Mailyard can do about it. */
export class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

/** Lines 1, 4 and 8 of `postmaster.pid`: the postmaster's pid, its port and (from PostgreSQL 10) `starting`/`ready`/`stopping`. */
export interface PostmasterPid {
  pid: number;
  port: number;
  status: string;
}

export async function readPostmasterPid(databaseDir: string): Promise<PostmasterPid | null> {
  const text = await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const lines = text?.split('\n') ?? [];
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent and working directory of a live process (a postmaster's is its data directory); null if unknown. */
export async function processFacts(pid: number): Promise<{ parent: number; cwd: string } | null> {
  if (process.platform !== 'linux') return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { parent, cwd: await readlink(`/proc/${pid}/cwd`) };
  } catch {
    return null;
  }
}

const OWNER_FILE = 'mailyard.pid';

/** Records which Mailyard process started the embedded PostgreSQL of `dataDir` (its postmaster's parent while it lives). */
export const ownerFile = (dataDir: string) => path.join(dataDir, OWNER_FILE);

async function readOwner(dataDir: string): Promise<number | null> {
  const pid = Number((await readFile(ownerFile(dataDir), 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Makes way for a new start when `postmaster.pid` names a live process. A postmaster of this data directory whose
 * parent is the Mailyard recorded in `mailyard.pid` belongs to a running Mailyard: refused. Any other postmaster of
 * this directory was left by a Mailyard that is gone (killed before it could stop it): stopped cleanly. A pid that is
 * not provably a postmaster of this directory (gone, reused, or no /proc) is left to PostgreSQL's own lock-file check,
 * which removes a stale file and refuses a live one.
 */
export async function stopLeftoverPostmaster(dataDir: string, databaseDir: string, log: (line: string) => void): Promise<void> {
  const leftover = await readPostmasterPid(databaseDir);
  if (!leftover || !isAlive(leftover.pid)) return;
  const facts = await processFacts(leftover.pid);
  if (!facts || facts.cwd !== (await realpath(databaseDir))) return;
  const owner = await readOwner(dataDir);
  if (owner !== null && facts.parent === owner) {
    throw new EmbeddedDatabaseError(
      `another Mailyard (process ${owner}) is running on ${dataDir}`,
      `Stop that Mailyard first, or start this one with another MAILYARD_DATA_DIR.`,
    );
  }
  log(`PostgreSQL (process ${leftover.pid}) was left running on ${databaseDir} by a Mailyard that is gone: stopping it.`);
  await stopPostmaster(leftover.pid, () => !isAlive(leftover.pid));
}

const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

/**
 * Fast shutdown (SIGINT: open transactions roll back, a checkpoint is written, the lock file removed); if that takes
 * longer than 30 s, immediate shutdown (SIGQUIT: PostgreSQL recovers from its WAL at the next start, nothing committed
 * is lost). `gone` tells when the process has exited.
 */
export async function stopPostmaster(pid: number, gone: () => boolean): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', FAST_SHUTDOWN_MS], ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
    const deadline = Date.now() + waitMs;
    while (!gone()) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (gone()) return;
  }
  throw new EmbeddedDatabaseError(`PostgreSQL (process ${pid}) does not stop`, `Stop it by hand (kill -9 ${pid}) and start Mailyard again.`);
}

import { hostname } from 'node:os';
import { claimJob, completeJob, failJob, renewLease } from '@mailyard/db/queries/jobs';
import type { Deps } from '../deps.ts';
import { addMs } from '../platform/clock.ts';
import { safeErrorMessage } from '../platform/log.ts';
import { randomHex } from '../platform/tokens.ts';
import { PermanentJobError } from '../platform/permanent-error.ts';
import type { JobHandler } from './types.ts';

export type JobRegistry = Record<string, JobHandler>;

export interface WorkerOptions {
  /**
   * How long a claim lasts unless renewed. The worker renews it every third of that while the job runs, so it bounds
   * how long the job of a worker that died waits for another one (`MAILYARD_JOB_LEASE_SECONDS`), not how long a job may run.
   */
  leaseMs?: number;
  pollMs?: number;
  workerId?: string;
}

const DEFAULT_LEASE_MS = 60_000;
const retryDelayMs = (attempt: number) => Math.min(1000 * 2 ** attempt, 10 * 60_000);

/**
 * Runs one due job if there is one. Returns false when nothing was due. Used by the polling loop, and by
 * tests that drive the queue step by step with their own clock.
 */
export async function runNextJob(deps: Deps, registry: JobRegistry, options: WorkerOptions = {}): Promise<boolean> {
  const workerId = options.workerId ?? 'inline';
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const job = await claimJob(deps.db, { workerId, now: deps.clock(), leaseMs, kinds: Object.keys(registry) });
  if (!job) return false;
  const handler = registry[job.kind]!;
  const ctx = { deps, job: { id: job.id, attempts: job.attempts, maxAttempts: job.maxAttempts } };
  const renewal = setInterval(() => {
    renewLease(deps.db, job.id, { workerId, until: addMs(deps.clock(), leaseMs) }).catch((e: unknown) =>
      deps.log.warn(`job ${job.kind} #${job.id}: renewing its lease failed: ${safeErrorMessage(e)}`),
    );
  }, leaseMs / 3);
  try {
    await handler.run(ctx, job.payload);
    await completeJob(deps.db, job.id, deps.clock());
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const lastAttempt = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    // Kept and logged without the values a database error carries (its parameters may be a whole import report).
    const message = safeErrorMessage(error);
    deps.log.warn(`job ${job.kind} #${job.id} attempt ${job.attempts} failed: ${message}`);
    await failJob(deps.db, job.id, {
      error: message,
      retryAt: lastAttempt ? null : addMs(deps.clock(), retryDelayMs(job.attempts)),
      now: deps.clock(),
    });
    if (lastAttempt) await handler.giveUp?.(ctx, job.payload, new Error(message));
  } finally {
    clearInterval(renewal);
  }
  return true;
}

/** Runs every job that is due now (tests, and the drain at shutdown-free start-up). */
export async function runDueJobs(deps: Deps, registry: JobRegistry, options: WorkerOptions = {}): Promise<number> {
  let n = 0;
  while (await runNextJob(deps, registry, options)) n++;
  return n;
}

/** The polling loop of a server process. Any number of processes can run one against the same database. */
export function startWorker(deps: Deps, registry: JobRegistry, options: WorkerOptions = {}) {
  // `jobs.locked_by` then names the replica holding a job (host and pid; the random part tells restarts apart).
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomHex(4)}`;
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        if (await runNextJob(deps, registry, { ...options, workerId })) continue;
      } catch (e) {
        deps.log.error('job worker error', { error: e });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    workerId,
    /** Stops claiming new jobs and waits for the current one to finish. */
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}

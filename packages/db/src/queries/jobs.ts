import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobs } from '../schema/index.ts';

export interface JobInput {
  kind: string;
  payload: unknown;
  runAt: Date;
  maxAttempts?: number;
  key?: string | null;
  /**
   * The key names one run for good (a periodic sweep's slot): a job of that key that already finished, on any
   * replica, also keeps a second one from being added. Without it, only an unfinished one does.
   */
  once?: boolean;
  createdAt: Date;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

/**
 * Enqueues in the caller's transaction, so a job exists exactly when the change that asked for it commits.
 * With a key, an unfinished job of the same key is kept and no second one is added.
 */
export async function enqueueJob(db: Db, job: JobInput): Promise<number | null> {
  if (job.once && job.key) return enqueueOnce(db, { ...job, key: job.key });
  const rows = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? 5,
      key: job.key ?? null,
      state: 'pending',
      createdAt: job.createdAt,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/**
 * A keyed job added only if no job of that key ever existed (`jobs_key_idx` covers every state). Replicas racing to
 * add it meet the unique index of unfinished keys, so one row results.
 */
async function enqueueOnce(db: Db, job: JobInput & { key: string }): Promise<number | null> {
  const rows = await db.execute<{ id: string }>(sql`
    insert into jobs (kind, payload, run_at, max_attempts, key, state, created_at)
    select ${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.runAt.toISOString()}, ${job.maxAttempts ?? 5}, ${job.key}, 'pending', ${job.createdAt.toISOString()}
    where not exists (select 1 from jobs where key = ${job.key})
    on conflict do nothing
    returning id`);
  return rows[0] ? Number(rows[0].id) : null;
}

/**
 * Claims the next due job: a pending one, or a running one whose lease expired (its worker died).
 * `FOR UPDATE SKIP LOCKED` lets any number of workers claim concurrently without taking the same job.
 */
export async function claimJob(db: Db, q: { workerId: string; now: Date; leaseMs: number; kinds?: string[] }): Promise<ClaimedJob | null> {
  const kindFilter = q.kinds?.length ? sql`and kind in ${q.kinds}` : sql``;
  // Raw statements bypass drizzle's column mapping: timestamps go in as ISO strings.
  const now = q.now.toISOString();
  const rows = await db.execute<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number; run_at: Date }>(sql`
    update jobs set state = 'running', attempts = attempts + 1, locked_by = ${q.workerId},
      locked_until = ${new Date(q.now.getTime() + q.leaseMs).toISOString()}
    where id = (
      select id from jobs
      where state in ('pending', 'running') and run_at <= ${now}
        and (state = 'pending' or locked_until < ${now}) ${kindFilter}
      order by run_at, id
      limit 1
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts, run_at`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
  };
}

/** Extends the claim of a job its worker is still running (and still holds: a claim taken over is left alone). */
export async function renewLease(db: Db, id: number, q: { workerId: string; until: Date }): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedUntil: q.until })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, q.workerId), eq(jobs.state, 'running')));
}

export async function completeJob(db: Db, id: number, now: Date): Promise<void> {
  await db.update(jobs).set({ state: 'done', finishedAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, id));
}

/** Puts the job back for another attempt at `retryAt`, or marks it failed when no attempt is left. */
export async function failJob(db: Db, id: number, q: { error: string; retryAt: Date | null; now: Date }): Promise<void> {
  await db
    .update(jobs)
    .set(
      q.retryAt
        ? { state: 'pending', runAt: q.retryAt, lastError: q.error, lockedUntil: null, lockedBy: null }
        : { state: 'failed', lastError: q.error, lockedUntil: null, finishedAt: q.now },
    )
    .where(eq(jobs.id, id));
}

/** Cancels the unfinished job with this key (e.g. a mailbox deletion when the user is re-enabled). */
export async function cancelJobByKey(db: Db, key: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: 'cancelled', finishedAt: now })
    .where(and(eq(jobs.key, key), inArray(jobs.state, ['pending', 'running'])))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function findJobByKey(db: Db, key: string) {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.key, key), inArray(jobs.state, ['pending', 'running'])));
  return row ?? null;
}

import type { Db } from '@mailyard/db';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import { claimDueDomainChecks } from '@mailyard/db/queries/mail-domains';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { systemActor } from '../../services/actor.ts';
import { checkMailDomain } from '../../services/mail-domains/check.ts';
import { CHECK_DOMAINS } from '../kinds.ts';
import type { JobHandler } from '../types.ts';

/** Domains taken per round, and rounds per run: a run ends (and the next is scheduled at once) rather than running unbounded. */
const BATCH = 20;
const ROUNDS = 10;
/** How long a claimed domain is held while DNS is asked; a worker that dies leaves it due again then. */
const LEASE_MS = 5 * MINUTE_MS;

/**
 * Schedules the sweep due at `runAt`, keyed by its time slot (MAILYARD_DOMAIN_CHECK_SECONDS wide) so that every
 * replica that starts, and every sweep that schedules the next, asks for the same job, and one runs.
 */
export async function scheduleDomainChecks(db: Db, runAt: Date, now: Date, slotSeconds: number): Promise<void> {
  const slot = Math.floor(runAt.getTime() / (slotSeconds * 1000));
  await enqueueJob(db, { kind: CHECK_DOMAINS, payload: {}, runAt, key: `${CHECK_DOMAINS}:${slot}`, createdAt: now });
}

/**
 * Checks the domains whose check is due — pending ones every MAILYARD_DOMAIN_CHECK_SECONDS, verified ones daily (the
 * schedule each check leaves in `next_check_at`) — a few at a time, then schedules the next sweep. DNS is slow and
 * per domain, so each domain is its own check and transaction; one failing does not stop the others.
 */
export const checkDomains: JobHandler = {
  async run({ deps }) {
    const interval = deps.config.MAILYARD_DOMAIN_CHECK_SECONDS;
    let more = false;
    for (let round = 0; round < ROUNDS; round++) {
      const now = deps.clock();
      const due = await claimDueDomainChecks(deps.db, { now, leaseUntil: addMs(now, LEASE_MS), limit: BATCH });
      const results = await Promise.allSettled(due.map((d) => checkMailDomain(deps, systemActor, { id: d.organizationId, accountId: d.accountId }, d.domain)));
      for (const r of results) if (r.status === 'rejected') deps.log.warn('domain check failed', { error: String(r.reason) });
      more = due.length === BATCH;
      if (!more) break;
    }
    const now = deps.clock();
    await scheduleDomainChecks(deps.db, more ? now : addMs(now, interval * 1000), now, interval);
  },
};

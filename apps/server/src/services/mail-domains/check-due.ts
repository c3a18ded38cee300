import { claimDueDomainChecks } from '@mailyard/db/queries/mail-domains';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { systemActor } from '../actor.ts';
import { checkMailDomain } from './check.ts';
import { scheduleDomainChecks } from './schedule-checks.ts';

/** Domains taken per round, and rounds per run: a run ends (and the next is scheduled at once) rather than running unbounded. */
const BATCH = 20;
const ROUNDS = 10;
/** How long a claimed domain is held while DNS is asked; a worker that dies leaves it due again then. */
const LEASE_MS = 5 * MINUTE_MS;

/**
 * The `domains.check` job: checks the domains whose check is due — pending ones every MAILYARD_DOMAIN_CHECK_SECONDS,
 * verified ones daily (the schedule each check leaves in `next_check_at`) — a few at a time, then schedules the next
 * sweep. DNS is slow and per domain, so each domain is its own check and transaction; one failing does not stop the others.
 */
export async function checkDueDomains(deps: Deps): Promise<void> {
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
}

import { checkRecord, displayDomain, nextStatus, type RecordCheck, type VerificationStatus } from '@mailyard/core/mail-domains';
import { inTransaction, violatedUniqueConstraint } from '@mailyard/db';
import { findMailDomain, findVerifiedDomainOwner, promoteNextDkimKey, updateMailDomain, type MailDomainState } from '@mailyard/db/queries/mail-domains';
import type { Deps } from '../../deps.ts';
import { addMs, DAY_MS } from '../../platform/clock.ts';
import { dnsLookup } from '../../platform/dns.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { recordsOf } from './records.ts';

interface Outcome {
  ownershipStatus: VerificationStatus;
  ownershipReason: string | null;
  dkimStatus: VerificationStatus;
  dkimReason: string | null;
  /** The rotation's next key was seen in DNS: it takes over signing. */
  promote: boolean;
}

const IN_USE_ELSEWHERE = 'This domain has been verified by another organization: it can be added to one organization only.';

/**
 * What a check's findings make of the stored statuses. The active key decides DKIM; when a rotation's next key is
 * found, it becomes the active one, so DKIM is verified by it.
 */
function outcome(current: MailDomainState, checks: RecordCheck[], provenElsewhere: boolean): Outcome {
  const ownership = checks.find((c) => c.purpose === 'ownership')!;
  const active = checks.find((c) => c.purpose === 'dkim' && c.keyState === 'active');
  const next = checks.find((c) => c.purpose === 'dkim' && c.keyState === 'next');
  const promote = next?.result === 'found';
  const dkim = promote ? next : active;
  let ownershipStatus = nextStatus(current.ownershipStatus, ownership.result);
  let ownershipReason = ownershipStatus === 'VERIFIED' ? null : (ownership.reason ?? current.ownershipReason);
  if (provenElsewhere && current.verifiedAt === null) [ownershipStatus, ownershipReason] = ['FAILED', IN_USE_ELSEWHERE];
  const dkimStatus = dkim ? nextStatus(current.dkimStatus, dkim.result) : current.dkimStatus;
  return { ownershipStatus, ownershipReason, dkimStatus, dkimReason: dkimStatus === 'VERIFIED' ? null : (dkim?.reason ?? current.dkimReason), promote };
}

/** Everything fine: look again tomorrow; anything to publish or fix: again after MAILYARD_DOMAIN_CHECK_SECONDS. */
const nextCheckIn = (deps: Deps, o: Outcome, rotating: boolean) =>
  o.ownershipStatus === 'VERIFIED' && o.dkimStatus === 'VERIFIED' && !rotating ? DAY_MS : deps.config.MAILYARD_DOMAIN_CHECK_SECONDS * 1000;

/**
 * Asks DNS for every record of the domain and stores what it found: statuses with their reasons, the record-by-record
 * results, the next check. DNS is asked outside any transaction; the write locks the domain and judges against its
 * state then. A change of status is an audit event (`domain.verification`), with the reasons. The test domain and a
 * domain removed meanwhile are left alone. Returns the domain as stored afterwards.
 */
export async function checkMailDomain(deps: Deps, actor: Actor, org: { id: string; accountId: string }, domain: string): Promise<MailDomainState | null> {
  const seen = await findMailDomain(deps.db, org.id, domain);
  if (!seen || seen.isTestDomain) return seen;
  const records = await recordsOf(deps.db, deps.config, org.id, seen);
  const lookup = dnsLookup(deps.config.MAILYARD_DNS_SERVERS);
  const checks = await Promise.all(records.map(async (r) => checkRecord(r, await lookup(r.type, r.hostname))));
  const write = () =>
    inTransaction(deps.db, async (tx) => {
      const current = await findMailDomain(tx, org.id, domain, 'update');
      if (!current) return null;
      const owner = await findVerifiedDomainOwner(tx, domain);
      const o = outcome(current, checks, owner !== null && owner !== org.id);
      const now = deps.clock();
      if (o.promote) await promoteNextDkimKey(tx, org.id, domain);
      const verifiedAt = current.verifiedAt ?? (o.ownershipStatus === 'VERIFIED' ? now : null);
      const rotating = checks.some((c) => c.keyState === 'next') && !o.promote;
      // After a promotion the next key is the active one, and the retired key's record no longer matters.
      const kept = o.promote
        ? checks.filter((c) => c.keyState !== 'active').map((c) => (c.keyState === 'next' ? { ...c, keyState: 'active' as const } : c))
        : checks;
      const patch = {
        ownershipStatus: o.ownershipStatus,
        ownershipReason: o.ownershipReason,
        dkimStatus: o.dkimStatus,
        dkimReason: o.dkimReason,
        verifiedAt,
        checkedAt: now,
        checks: kept,
        nextCheckAt: addMs(now, nextCheckIn(deps, o, rotating)),
      };
      await updateMailDomain(tx, org.id, domain, patch);
      if (current.ownershipStatus !== o.ownershipStatus || current.dkimStatus !== o.dkimStatus || o.promote) {
        await recordAudit(
          tx,
          actor,
          {
            action: 'domain.verification',
            accountId: org.accountId,
            organizationId: org.id,
            target: { type: 'domain', id: domain, label: displayDomain(domain) },
            before: { ownershipStatus: current.ownershipStatus, dkimStatus: current.dkimStatus },
            after: {
              ownershipStatus: o.ownershipStatus,
              dkimStatus: o.dkimStatus,
              ...(o.ownershipReason ? { ownershipReason: o.ownershipReason } : {}),
              ...(o.dkimReason ? { dkimReason: o.dkimReason } : {}),
              ...(o.promote ? { dkimRotatedTo: checks.find((c) => c.keyState === 'next')!.selector } : {}),
            },
          },
          now,
        );
      }
      return { ...current, ...patch };
    });
  try {
    return await write();
  } catch (error) {
    // Two organizations proved the domain at the same moment: the unique index let one through; this one now sees it.
    if (violatedUniqueConstraint(error) !== 'mail_domains_verified_domain_key') throw error;
    return write();
  }
}

import type { DnsRecord } from './records.ts';
import type { RecordCheck, VerificationStatus } from './verification.ts';

/** WorkMail's quota of domains per organization. */
export const MAX_DOMAINS_PER_ORGANIZATION = 1000;

/** The read model of a mail domain every entry point returns. `domain` is the A-label form. */
export interface MailDomainSummary {
  domain: string;
  isTestDomain: boolean;
  isDefault: boolean;
  ownershipStatus: VerificationStatus;
  /** Why ownership is not verified (what to publish or fix); null when verified. */
  ownershipReason: string | null;
  dkimStatus: VerificationStatus;
  dkimReason: string | null;
  /** When ownership was first proven; from then on the domain can carry addresses and receive mail. */
  verifiedAt: Date | null;
  checkedAt: Date | null;
  createdAt: Date;
}

export interface MailDomainDetail extends MailDomainSummary {
  /** What to publish (empty for the test domain, which Mailyard serves). */
  records: DnsRecord[];
  /** The last check, record by record. */
  checks: RecordCheck[];
  nextCheckAt: Date | null;
}

/**
 * A domain may carry addresses once its ownership has been proven. A verified domain whose records later vanish
 * keeps working (a DNS slip must not bounce mail) but is flagged (see `domainAttention`).
 */
export const isDomainUsable = (d: Pick<MailDomainSummary, 'verifiedAt'>) => d.verifiedAt !== null;

/** What is wrong with a domain that was verified and no longer is, for the organization's overview; empty when fine. */
export function domainAttention(d: Pick<MailDomainSummary, 'verifiedAt' | 'ownershipStatus' | 'ownershipReason' | 'dkimStatus' | 'dkimReason'>): string[] {
  if (d.verifiedAt === null) return [];
  const problems: string[] = [];
  if (d.ownershipStatus !== 'VERIFIED') problems.push(d.ownershipReason ?? 'The ownership record is no longer published.');
  if (d.dkimStatus === 'FAILED') problems.push(d.dkimReason ?? 'The DKIM record is no longer published.');
  return problems;
}

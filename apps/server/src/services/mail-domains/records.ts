import { isIP } from 'node:net';
import { domainRecords, type DnsRecord } from '@mailyard/core/mail-domains';
import type { Db } from '@mailyard/db';
import { listDkimKeys, type MailDomainState } from '@mailyard/db/queries/mail-domains';
import type { Config } from '../../config.ts';

/**
 * Where added domains point: MX at MAILYARD_MX_HOST, autodiscover at the host people reach Mailyard on (it serves
 * ActiveSync), both falling back to the public URL's host. Without either setting the records name `localhost`,
 * which is right for nothing but a laptop: the README says to set them.
 */
export function recordHosts(config: Config): { mxHost: string; autodiscoverHost: string } {
  const publicHost = config.MAILYARD_PUBLIC_URL ? new URL(config.MAILYARD_PUBLIC_URL).hostname : null;
  const named = publicHost && isIP(publicHost) === 0 ? publicHost : null;
  const mxHost = config.MAILYARD_MX_HOST ?? named ?? 'localhost';
  return { mxHost, autodiscoverHost: named ?? mxHost };
}

/** The records the domain needs now (none for the test domain, which Mailyard serves itself). */
export async function recordsOf(db: Db, config: Config, organizationId: string, d: MailDomainState): Promise<DnsRecord[]> {
  if (d.isTestDomain || d.ownershipToken === null) return [];
  const keys = await listDkimKeys(db, organizationId, d.domain);
  return domainRecords({ domain: d.domain, ownershipToken: d.ownershipToken, dkimKeys: keys, ...recordHosts(config) });
}

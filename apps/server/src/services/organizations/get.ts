import type { OrganizationView } from '@mailyard/core/organizations';
import type { Db } from '@mailyard/db';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from './require.ts';

export async function getOrganization(db: Db, actor: OperatorActor, organizationId: string): Promise<OrganizationView> {
  const org = await requireOrganization(db, actor, organizationId);
  const domains = await listMailDomains(db, org.id);
  return {
    id: org.id,
    alias: org.alias,
    state: org.state,
    defaultMailDomain: org.defaultMailDomain,
    errorMessage: org.errorMessage,
    createdAt: org.createdAt,
    completedAt: org.completedAt,
    directoryType: org.directoryType,
    directoryId: org.directoryId,
    kmsKeyArn: org.kmsKeyArn,
    encryptionKeyLabel: org.kmsKeyArn ?? 'Mailyard managed key (secrets only; mailbox contents are not encrypted)',
    interoperabilityEnabled: org.interoperabilityEnabled,
    domains,
  };
}

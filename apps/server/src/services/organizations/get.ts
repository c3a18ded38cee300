import type { OrganizationView } from '@mailyard/core/organizations';
import type { Db } from '@mailyard/db';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from './require.ts';

const MANAGED_KEY = 'Mailyard managed key (secrets and mailbox contents)';
/** An organization made before mailbox encryption gets its mailbox key when Mailyard next starts. */
const MANAGED_KEY_BEFORE_MAILBOX_KEY = 'Mailyard managed key (secrets; mailbox contents once Mailyard restarts)';

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
    encryptionKeyLabel: org.kmsKeyArn ?? (org.mailboxEncrypted ? MANAGED_KEY : MANAGED_KEY_BEFORE_MAILBOX_KEY),
    interoperabilityEnabled: org.interoperabilityEnabled,
    domains,
  };
}

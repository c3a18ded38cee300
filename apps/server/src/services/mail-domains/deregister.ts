import { fail, failIf } from '@mailyard/core/errors';
import { displayDomain, domainRemovalRefusal, type MailDomainRef } from '@mailyard/core/mail-domains';
import { inTransaction } from '@mailyard/db';
import { countDomainAddresses, deleteMailDomain } from '@mailyard/db/queries/mail-domains';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireMailDomain } from './require.ts';

/**
 * DeregisterMailDomain: removes a domain no address uses, with its DKIM keys. The domain row is locked first, so
 * an address being added on it (which key-share locks the row) either commits before the count or finds it gone.
 * The test domain and the default domain stay.
 */
export async function deregisterMailDomain(deps: Deps, actor: OperatorActor, input: MailDomainRef): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const domain = await requireMailDomain(tx, org.id, input.domainName, 'update');
    const shown = displayDomain(domain.domain);
    failIf(domainRemovalRefusal(domain));
    const used = await countDomainAddresses(tx, org.id, domain.domain);
    if (used > 0) {
      fail(
        'DOMAIN.HAS_ADDRESSES',
        `${shown} is used by ${used} address${used === 1 ? '' : 'es'} of users, groups or aliases: remove ${used === 1 ? 'it' : 'them'} or move ${used === 1 ? 'it' : 'them'} to another domain first.`,
        { field: 'domainName', count: used },
      );
    }
    await deleteMailDomain(tx, org.id, domain.domain);
    await recordAudit(
      tx,
      actor,
      {
        action: 'domain.deregister',
        organizationId: org.id,
        target: { type: 'domain', id: domain.domain, label: shown },
        before: { domain: domain.domain, ownershipStatus: domain.ownershipStatus, dkimStatus: domain.dkimStatus },
      },
      deps.clock(),
    );
  });
}

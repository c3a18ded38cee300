import { failIf } from '@mailyard/core/errors';
import { defaultDomainRefusal, displayDomain, type MailDomainRef } from '@mailyard/core/mail-domains';
import { inTransaction } from '@mailyard/db';
import { setDefaultMailDomain } from '@mailyard/db/queries/mail-domains';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireMailDomain } from './require.ts';

/** UpdateDefaultMailDomain: new users' suggested addresses use this domain; it must be verified. */
export async function setDefaultDomain(deps: Deps, actor: OperatorActor, input: MailDomainRef): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const domain = await requireMailDomain(tx, org.id, input.domainName, 'key share');
    const shown = displayDomain(domain.domain);
    failIf(defaultDomainRefusal(domain));
    if (domain.isDefault) return;
    await setDefaultMailDomain(tx, org.id, domain.domain);
    await recordAudit(
      tx,
      actor,
      {
        action: 'domain.set-default',
        organizationId: org.id,
        target: { type: 'domain', id: domain.domain, label: shown },
        before: { defaultMailDomain: org.defaultMailDomain },
        after: { defaultMailDomain: domain.domain },
      },
      deps.clock(),
    );
  });
}

import { fail } from '@mailyard/core/errors';
import { displayDomain, type MailDomainRef } from '@mailyard/core/mail-domains';
import { inTransaction } from '@mailyard/db';
import { listDkimKeys, updateMailDomain } from '@mailyard/db/queries/mail-domains';
import type { Deps } from '../../deps.ts';
import { addMs } from '../../platform/clock.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { newDkimKeyPair, storeDkimKey } from './dkim-key.ts';
import { requireMailDomain } from './require.ts';

/**
 * Starts a DKIM key rotation: a new key under a new selector joins the records as the *next* key while the current
 * one keeps signing. When a check finds the new record in DNS, the new key takes over and the old one is retired, so
 * no message is ever signed with a key receivers cannot look up.
 */
export async function rotateDkimKey(deps: Deps, actor: OperatorActor, input: MailDomainRef): Promise<{ selector: string }> {
  const pair = await newDkimKeyPair();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const domain = await requireMailDomain(tx, org.id, input.domainName, 'update');
    const shown = displayDomain(domain.domain);
    if (domain.isTestDomain) fail('DOMAIN.PROTECTED', `${shown} is the free test domain: Mailyard manages its keys.`, { field: 'domainName' });
    const waiting = (await listDkimKeys(tx, org.id, domain.domain)).find((k) => k.state === 'next');
    if (waiting) {
      fail('DOMAIN.ROTATION_PENDING', `A new DKIM key (selector ${waiting.selector}) is already waiting: publish its record, then verify.`, {
        selector: waiting.selector,
      });
    }
    const selector = await storeDkimKey(deps, tx, { organizationId: org.id, domain: domain.domain }, pair, 'next');
    const now = deps.clock();
    // Checked at the pending pace until the new record shows up.
    await updateMailDomain(tx, org.id, domain.domain, { nextCheckAt: addMs(now, deps.config.MAILYARD_DOMAIN_CHECK_SECONDS * 1000) });
    await recordAudit(
      tx,
      actor,
      { action: 'domain.dkim-rotate', organizationId: org.id, target: { type: 'domain', id: domain.domain, label: shown }, after: { nextSelector: selector } },
      now,
    );
    return { selector };
  });
}

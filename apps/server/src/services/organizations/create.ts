import { DEFAULT_ACCESS_RULE } from '@mailyard/core/access-control';
import { fail } from '@mailyard/core/errors';
import {
  normalizeAlias,
  ORGANIZATION_LIMIT_MESSAGE,
  organizationIdFrom,
  type CreateOrganizationInput,
} from '@mailyard/core/organizations';
import { inTransaction, violatedUniqueConstraint } from '@mailyard/db';
import { upsertAccessControlRule } from '@mailyard/db/queries/access-control-rules';
import { findDirectoryUser } from '@mailyard/db/queries/ldap-directories';
import { lockAccount } from '@mailyard/db/queries/operators';
import {
  aliasExists,
  countLiveOrganizations,
  findOrganizationByClientToken,
  insertOrganization,
} from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { randomBytesArray } from '../../platform/tokens.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireDirectoryConnection } from '../directories/require.ts';
import { addDefaultMobileDeviceAccessRule } from '../mobile-access/default-rule.ts';
import { refuseProvenElsewhere, refuseTestSuffix } from '../mail-domains/register.ts';
import { scheduleProvisioning } from './schedule-provisioning.ts';

const directoryInUse = (directoryId: string): never =>
  fail('DIRECTORY.IN_USE', `Directory ${directoryId} is already used by another organization: a directory serves one organization.`, {
    field: 'directoryId',
  });

const aliasTaken = (alias: string) =>
  fail('ORGANIZATION.ALIAS_TAKEN', `The organization name "${alias}" is already in use. Choose another name.`, { field: 'alias' });

/**
 * Records an organization (Quick setup, or Standard setup on a registered directory: `directoryId`) as `Requested` and enqueues its provisioning workflow in the same
 * transaction; the request returns at once and the workflow moves it on. A repeated `clientToken` returns
 * the organization the first request created.
 */
export async function createOrganization(deps: Deps, actor: OperatorActor, input: CreateOrganizationInput): Promise<{ organizationId: string }> {
  const now = deps.clock();
  // A credential limited to some organizations could create others it then cannot reach.
  if (actor.organizationIds) fail('AUTH.READ_ONLY', 'This API token is limited to chosen organizations and cannot create new ones.');
  try {
    return await inTransaction(deps.db, async (tx) => {
      const account = await lockAccount(tx, actor.accountId);
      if (!account) fail('ORGANIZATION.NOT_FOUND', 'Account not found.');
      if (input.clientToken) {
        const existing = await findOrganizationByClientToken(tx, actor.accountId, input.clientToken);
        if (existing) {
          if (normalizeAlias(existing.alias) !== normalizeAlias(input.alias)) {
            fail('VALIDATION', 'This client token was already used with a different organization name.', { field: 'clientToken' });
          }
          return { organizationId: existing.id };
        }
      }
      if ((await countLiveOrganizations(tx, actor.accountId)) >= account.maxOrganizations) {
        fail('ORGANIZATION.LIMIT_REACHED', ORGANIZATION_LIMIT_MESSAGE, { limit: account.maxOrganizations });
      }
      if (await aliasExists(tx, input.alias)) aliasTaken(input.alias);
      for (const [i, domain] of input.domains.entries()) {
        refuseTestSuffix(deps, domain, `domains.${i}`);
        await refuseProvenElsewhere(tx, null, domain, `domains.${i}`);
      }

      if (input.directoryId) {
        await requireDirectoryConnection(tx, actor, input.directoryId);
        if (await findDirectoryUser(tx, input.directoryId)) directoryInUse(input.directoryId);
      }

      const organizationId = organizationIdFrom(randomBytesArray(16));
      await insertOrganization(tx, {
        id: organizationId,
        accountId: actor.accountId,
        alias: input.alias,
        state: 'Requested',
        // Standard setup holds its directory from the start: the unique index refuses a racing second organization.
        ...(input.directoryId ? { directoryType: 'ExternalDirectory', directoryId: input.directoryId } : { directoryType: 'WorkMailDirectory' }),
        clientToken: input.clientToken ?? null,
        createdAt: now,
      });
      // WorkMail's default rule: the organization allows everyone until its operators restrict it.
      await upsertAccessControlRule(tx, organizationId, DEFAULT_ACCESS_RULE, now);
      await addDefaultMobileDeviceAccessRule(tx, organizationId, now);
      await scheduleProvisioning(tx, { organizationId, domains: input.domains }, now);
      await recordAudit(
        tx,
        actor,
        {
          action: 'organization.create',
          organizationId,
          target: { type: 'organization', id: organizationId, label: input.alias },
          after: {
            alias: input.alias,
            ...(input.directoryId ? { setup: 'standard', directoryId: input.directoryId } : { setup: 'quick' }),
            state: 'Requested', ...(input.domains.length ? { domains: input.domains } : {}) },
        },
        now,
      );
      return { organizationId };
    });
  } catch (error) {
    // Two requests racing for one alias: the unique index lets one through; the other gets the same clear error.
    const violated = violatedUniqueConstraint(error);
    if (violated === 'organizations_alias_key') aliasTaken(input.alias);
    if (violated === 'organizations_external_directory_key' && input.directoryId) directoryInUse(input.directoryId);
    throw error;
  }
}

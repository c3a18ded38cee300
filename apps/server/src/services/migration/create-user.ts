import type { CreateMigratedUserInput } from '@mailyard/core/migration';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { randomToken } from '../../platform/tokens.ts';
import { createUser } from '../users/create.ts';
import { sendMigrationResetLink } from './send-reset-link.ts';

/**
 * A user brought over from WorkMail: created with every attribute, its role and its state in one transaction
 * (the same service and checks as the console's Create user). With a recovery address, the user gets a password
 * nobody knows — the portal resets only accounts that have one — and a reset link mailed there, in a second
 * transaction: a run killed in between leaves a user without a link, which the migration's report names.
 */
export async function createMigratedUser(deps: Deps, actor: OperatorActor, input: CreateMigratedUserInput): Promise<{ userId: string; resetLinkSentTo: string | null }> {
  const { organizationId, name, displayName, firstName, lastName, hiddenFromGlobalAddressList, role, email, password, recoveryAddress, ...details } = input;
  const { userId } = await createUser(
    deps,
    actor,
    {
      organizationId,
      name,
      displayName,
      firstName,
      lastName,
      details,
      hiddenFromGlobalAddressList,
      role,
      password: recoveryAddress ? unknowablePassword() : password,
      email: email ?? undefined,
    },
    { register: email !== null },
  );
  if (!recoveryAddress || !email) return { userId, resetLinkSentTo: null };
  await sendMigrationResetLink(deps, actor, { organizationId, userId, name, displayName, email }, recoveryAddress);
  return { userId, resetLinkSentTo: recoveryAddress };
}

/** 32 random characters plus one of each class the policy counts: accepted, and never shown to anyone. */
const unknowablePassword = () => `${randomToken(24)}aA1-`;

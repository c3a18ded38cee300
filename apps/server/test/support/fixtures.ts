import { randomUUID } from 'node:crypto';
import { DEFAULT_ORGANIZATION_LIMIT } from '@mailyard/core/organizations';
import { insertAccount, insertOperator } from '@mailyard/db/queries/operators';
import { awsStyleAccountId } from '../../src/bootstrap.ts';
import type { Deps } from '../../src/deps.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import type { OperatorActor } from '../../src/services/actor.ts';

export interface TestOperator {
  actor: OperatorActor;
  email: string;
  password: string;
}

/** A new account with one operator: each call is a separate tenant. */
export async function createOperator(
  deps: Deps,
  options: { email?: string; password?: string; maxOrganizations?: number } = {},
): Promise<TestOperator> {
  const accountId = randomUUID();
  const operatorId = randomUUID();
  const email = options.email ?? `op-${operatorId.slice(0, 8)}@example.com`;
  const password = options.password ?? 'Correct-Horse-9';
  await insertAccount(deps.db, {
    id: accountId,
    name: `Account ${accountId.slice(0, 8)}`,
    awsAccountId: awsStyleAccountId(),
    maxOrganizations: options.maxOrganizations ?? DEFAULT_ORGANIZATION_LIMIT,
  });
  await insertOperator(deps.db, { id: operatorId, accountId, email, displayName: 'Test operator', passwordHash: await hashPassword(password) });
  return {
    actor: { type: 'operator', operatorId, accountId, label: email, via: 'session', readOnly: false, organizationIds: null },
    email,
    password,
  };
}

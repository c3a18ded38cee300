import { randomInt, randomUUID } from 'node:crypto';
import { DEFAULT_ORGANIZATION_LIMIT } from '@mailyard/core/organizations';
import { inTransaction, type Db } from '@mailyard/db';
import { countOperators, insertAccount, insertOperator } from '@mailyard/db/queries/operators';
import type { Config } from './config.ts';
import { hashPassword } from './platform/passwords.ts';
import { randomToken } from './platform/tokens.ts';
import { systemActor } from './services/actor.ts';
import { recordAudit } from './services/audit.ts';

export interface FirstOperator {
  email: string;
  /** Set only when the password was generated: printed once at first start. */
  generatedPassword: string | null;
}

/** On first start (no operator yet), creates the first account and its operator. Later starts do nothing. */
export async function ensureFirstOperator(db: Db, config: Config, now: Date): Promise<FirstOperator | null> {
  if ((await countOperators(db)) > 0) return null;
  const generatedPassword = config.MAILYARD_ADMIN_PASSWORD ? null : randomToken(12);
  const password = config.MAILYARD_ADMIN_PASSWORD ?? generatedPassword!;
  const accountId = randomUUID();
  const operatorId = randomUUID();
  const email = config.MAILYARD_ADMIN_EMAIL;
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    await insertAccount(tx, {
      id: accountId,
      name: 'Default account',
      awsAccountId: awsStyleAccountId(),
      maxOrganizations: DEFAULT_ORGANIZATION_LIMIT,
    });
    await insertOperator(tx, { id: operatorId, accountId, email, displayName: 'Administrator', passwordHash });
    await recordAudit(tx, systemActor, { action: 'operator.create', accountId, target: { type: 'operator', id: operatorId, label: email } }, now);
  });
  return { email, generatedPassword };
}

/** Twelve digits, the form of an AWS account id, used in the ARNs of the WorkMail-compatible API. */
export function awsStyleAccountId(): string {
  return Array.from({ length: 12 }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');
}

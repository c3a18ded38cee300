import { insertMailDomain } from '@mailyard/db/queries/mail-domains';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import type { Deps } from '../../src/deps.ts';
import type { OperatorActor } from '../../src/services/actor.ts';
import { createUser } from '../../src/services/users/create.ts';
import { callerFor } from './caller.ts';

export const PASSWORD = 'Wonderland-42';

const random = () => Math.random().toString(36).slice(2, 10);
export const uniqueName = (prefix = 'u') => `${prefix}${random()}`;

export interface ActiveOrganization {
  organizationId: string;
  /** The default (test) domain: verified. */
  domain: string;
}

/**
 * A Quick-setup organization, provisioned by running its workflow to the end (system users included). When a
 * test server's worker is running too, it may claim the job first: then wait for it to finish.
 */
export async function createActiveOrganization(deps: Deps, actor: OperatorActor): Promise<ActiveOrganization> {
  const caller = callerFor(deps, actor);
  const { organizationId } = await caller.organizations.create({ alias: `org-${random()}` });
  const deadline = Date.now() + 15_000;
  for (;;) {
    await runDueJobs(deps, jobRegistry);
    const org = await caller.organizations.get({ organizationId });
    if (org.state === 'Active') return { organizationId, domain: org.defaultMailDomain! };
    if (org.state === 'Failed' || Date.now() > deadline) throw new Error(`organization ${organizationId} is ${org.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Another domain of the organization, as if added and (by default) verified. */
export async function addDomain(deps: Deps, organizationId: string, ownershipStatus: 'VERIFIED' | 'PENDING' = 'VERIFIED'): Promise<string> {
  const domain = `${random()}.example.com`;
  const verified = ownershipStatus === 'VERIFIED';
  await insertMailDomain(deps.db, {
    organizationId,
    domain,
    isTestDomain: false,
    isDefault: false,
    ownershipStatus,
    dkimStatus: ownershipStatus,
    ownershipToken: null,
    verifiedAt: verified ? deps.clock() : null,
    nextCheckAt: null,
    clientToken: null,
    createdAt: deps.clock(),
  });
  return domain;
}

/** A user created through the console's Create user (enabled, with its mailbox). */
export async function createEnabledUser(
  deps: Deps,
  actor: OperatorActor,
  organizationId: string,
  fields: { name?: string; displayName?: string; email?: string } = {},
): Promise<{ userId: string; name: string }> {
  const name = fields.name ?? uniqueName();
  const { userId } = await callerFor(deps, actor).users.create({
    organizationId,
    name,
    displayName: fields.displayName ?? `User ${name}`,
    ...(fields.email ? { email: fields.email } : {}),
    password: PASSWORD,
    repeatPassword: PASSWORD,
  });
  return { userId, name };
}

/** A user as WorkMail's CreateUser makes it through `/aws`: disabled, no mailbox and no password. */
export async function createUserWithoutPassword(deps: Deps, actor: OperatorActor, organizationId: string, fields: { name: string; displayName: string }): Promise<{ userId: string }> {
  return createUser(deps, actor, { organizationId, ...fields }, { register: false });
}

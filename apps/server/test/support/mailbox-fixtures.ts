import type { Deps } from '../../src/deps.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import type { OperatorActor } from '../../src/services/actor.ts';
import { callerFor } from './caller.ts';

export const USER_PASSWORD = 'Mailbox-Pass-42';

/** A Quick-setup organization, provisioned and Active. Returns its id and test domain. */
export async function createActiveOrganization(deps: Deps, operator: OperatorActor): Promise<{ organizationId: string; domain: string }> {
  const alias = `org-${Math.random().toString(36).slice(2, 10)}`;
  const { organizationId } = await callerFor(deps, operator).organizations.create({ alias });
  await runDueJobs(deps, jobRegistry);
  const org = await callerFor(deps, operator).organizations.get({ organizationId });
  if (org.state !== 'Active') throw new Error(`organization ${alias} is ${org.state}`);
  return { organizationId, domain: org.defaultMailDomain! };
}

/** An enabled user with a mailbox, created as the console does; its address is `<name>@<domain>`. */
export async function createMailboxUser(deps: Deps, operator: OperatorActor, org: { organizationId: string; domain: string }, name: string) {
  const { userId } = await callerFor(deps, operator).users.create({
    organizationId: org.organizationId,
    name,
    displayName: `${name[0]!.toUpperCase()}${name.slice(1)} Example`,
    password: USER_PASSWORD,
    repeatPassword: USER_PASSWORD,
  });
  return { userId, email: `${name}@${org.domain}` };
}

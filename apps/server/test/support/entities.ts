import { setNestedGroupsAllowed } from '@mailyard/db/queries/groups';
import type { Deps } from '../../src/deps.ts';
import type { OperatorActor } from '../../src/services/actor.ts';
import { callerFor } from './caller.ts';

export interface TestOrganization {
  organizationId: string;
  domain: string;
}

/** A group made through the router; enabled with `<local>@<domain>` when `local` is given. */
export async function createTestGroup(deps: Deps, operator: OperatorActor, org: TestOrganization, name: string, local?: string) {
  return callerFor(deps, operator).groups.create({
    organizationId: org.organizationId,
    name,
    ...(local ? { email: `${local}@${org.domain}` } : {}),
  });
}

/** Makes the organization's directory stand for a connected one that supports nested groups. */
export const allowNestedGroups = (deps: Deps, org: TestOrganization) => setNestedGroupsAllowed(deps.db, org.organizationId, true);

/** A name unique enough for one test database. */
export const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

import type { OrganizationSnapshot } from '@mailyard/core/migration';
import type { MailyardClient } from './client.ts';

/** An organization the dry run would create: empty, with only the test domain Mailyard gives it. */
export const emptyOrganization: OrganizationSnapshot = { domains: [], users: [], groups: [], permissions: [], resources: [], nestedGroups: false };

/**
 * The target organization: the one named by id, or the one with the alias — created (and waited for until Active)
 * when there is none, unless this is a dry run. Null: a dry run for an organization still to be created.
 */
export async function targetOrganization(client: MailyardClient, choice: { organizationId?: string | undefined; alias?: string | undefined; create: boolean }): Promise<string | null> {
  if (choice.organizationId) return (await client.organizations.get.query({ organizationId: choice.organizationId })).id;
  const alias = choice.alias!.toLowerCase();
  let cursor: string | undefined;
  do {
    const page = await client.organizations.list.query({ cursor, limit: 100 });
    const found = page.items.find((o) => o.alias.toLowerCase() === alias);
    if (found) return found.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (!choice.create) return null;
  const created = await client.organizations.create.mutate({ alias: choice.alias!, clientToken: `migrate-${alias}` });
  for (let i = 0; i < 600; i++) {
    const org = await client.organizations.get.query({ organizationId: created.organizationId });
    if (org.state === 'Active') return org.id;
    if (org.state === 'Failed') throw new Error(`The organization ${alias} could not be created: ${org.errorMessage ?? 'no reason given'}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The organization ${alias} did not become Active within two minutes.`);
}

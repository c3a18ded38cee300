import type { MemberRef, OrganizationSnapshot, SnapshotGroup, SnapshotResource, SnapshotUser, UserDetails } from '@mailyard/core/migration';
import type { MailyardClient } from './client.ts';
import { mapConcurrently } from './pool.ts';

/** Calls made in the same tick travel as one batched request: this many at once keeps batches useful and small. */
const TARGET_CONCURRENCY = 16;
const PAGE = 100;

/** The target organization as the plan compares it, and the ids its steps need (by entity, `USER:name` lower-case). */
export interface TargetState {
  snapshot: OrganizationSnapshot;
  ids: Map<string, string>;
}

export const entityKey = (ref: MemberRef | { type: 'RESOURCE'; name: string }) => `${ref.type}:${ref.name.toLowerCase()}`;

async function allPages<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Reads the target Mailyard organization through the typed client, with the same permissions as any script. */
export async function readMailyardOrganization(client: MailyardClient, organizationId: string): Promise<TargetState> {
  const ids = new Map<string, string>();
  const org = await client.organizations.get.query({ organizationId });
  const domains = org.domains.map((d) => ({ name: d.domain, isTest: d.isTestDomain, isDefault: d.isDefault, usable: d.isTestDomain || d.verifiedAt !== null }));

  const userRows = await allPages((cursor) => client.users.list.query({ organizationId, cursor, limit: PAGE }));
  const users = await mapConcurrently(userRows, TARGET_CONCURRENCY, async (row): Promise<SnapshotUser> => {
    const u = await client.users.get.query({ organizationId, userId: row.id });
    ids.set(entityKey({ type: 'USER', name: u.name }), u.id);
    const details: UserDetails = {
      firstName: u.firstName,
      lastName: u.lastName,
      initials: u.initials,
      telephone: u.telephone,
      street: u.street,
      city: u.city,
      zipCode: u.zipCode,
      country: u.country,
      company: u.company,
      department: u.department,
      jobTitle: u.jobTitle,
      office: u.office,
    };
    const mailbox = u.mailbox && !u.mailbox.deletedAt && u.state === 'ENABLED' ? u.mailbox : null;
    return {
      name: u.name,
      displayName: u.displayName,
      details,
      hiddenFromGlobalAddressList: u.hiddenFromGlobalAddressList,
      role: u.role,
      state: u.state,
      email: u.email,
      aliases: u.aliases,
      quotaMb: mailbox?.quotaMb ?? null,
    };
  });

  const groupRows = await allPages((cursor) => client.groups.list.query({ organizationId, cursor, limit: PAGE }));
  const groups = await mapConcurrently(groupRows, TARGET_CONCURRENCY, async (g): Promise<SnapshotGroup> => {
    ids.set(entityKey({ type: 'GROUP', name: g.name }), g.id);
    const [addresses, members] = await Promise.all([
      client.groups.listAddresses.query({ organizationId, groupId: g.id }),
      allPages((cursor) => client.groups.listMembers.query({ organizationId, groupId: g.id, cursor, limit: PAGE })),
    ]);
    return {
      name: g.name,
      state: g.state,
      email: g.email,
      aliases: addresses.filter((a) => !a.isPrimary).map((a) => a.address),
      hiddenFromGlobalAddressList: g.hiddenFromGlobalAddressList,
      members: members.filter((m) => m.state !== 'DELETED').map((m) => ({ type: m.type, name: m.name })),
    };
  });

  const mailboxes = users.filter((u) => u.state === 'ENABLED' && u.role !== 'SYSTEM_USER');
  const grants = await mapConcurrently(mailboxes, TARGET_CONCURRENCY, async (u) => {
    const userId = ids.get(entityKey({ type: 'USER', name: u.name }))!;
    const rows = await allPages((cursor) => client.permissions.list.query({ organizationId, mailboxUserId: userId, cursor, limit: PAGE }));
    return rows.map((p) => ({ mailbox: u.name, grantee: { type: p.granteeType, name: p.granteeName }, permissions: p.permissions }));
  });
  const resourceRows = await allPages((cursor) => client.resources.list.query({ organizationId, cursor, limit: PAGE }));
  const resources = await mapConcurrently(resourceRows, TARGET_CONCURRENCY, async (row): Promise<SnapshotResource> => {
    ids.set(entityKey({ type: 'RESOURCE', name: row.name }), row.id);
    const [r, delegates] = await Promise.all([
      client.resources.get.query({ organizationId, resourceId: row.id }),
      allPages((cursor) => client.resources.listDelegates.query({ organizationId, resourceId: row.id, cursor, limit: PAGE })),
    ]);
    const { name, type, description, state, email, hiddenFromGlobalAddressList, bookingOptions } = r;
    return { name, type, description, state, email, hiddenFromGlobalAddressList, bookingOptions, delegates: delegates.map((d) => ({ type: d.type, name: d.name })) };
  });
  // Mailyard's organizations use its built-in directory, which (as WorkMail's) does not nest groups.
  return { snapshot: { domains, users, groups, permissions: grants.flat(), resources, nestedGroups: false }, ids };
}

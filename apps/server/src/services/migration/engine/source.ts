import {
  DescribeGroupCommand,
  DescribeOrganizationCommand,
  DescribeResourceCommand,
  DescribeUserCommand,
  GetMailboxDetailsCommand,
  GetMailDomainCommand,
  paginateListAliases,
  paginateListGroupMembers,
  paginateListGroups,
  paginateListMailboxPermissions,
  paginateListMailDomains,
  paginateListResourceDelegates,
  paginateListResources,
  paginateListUsers,
  WorkMailServiceException,
  type WorkMailClient,
} from '@aws-sdk/client-workmail';
import type { MemberRef, OrganizationSnapshot, SnapshotGroup, SnapshotPermission, SnapshotResource, SnapshotUser, UserDetails } from '@mailyard/core/migration';
import type { PermissionType } from '@mailyard/core/permissions';
import type { UserRole } from '@mailyard/core/users';
import { mapConcurrently } from './pool.ts';

/** How many WorkMail calls run at once: WorkMail throttles per account, and a migration is not a race. */
const SOURCE_CONCURRENCY = 16;

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(page);
  return items;
}

const lower = (s: string | undefined | null) => (s ? s.toLowerCase() : null);
type EntityState = 'ENABLED' | 'DISABLED' | 'DELETED';

/**
 * Reads a WorkMail organization with WorkMail's own API (`@aws-sdk/client-workmail`): every domain, user with its
 * attributes, aliases and quota, group with its members, and mailbox permission — into the snapshot the plan
 * compares. Works against Amazon WorkMail and any WorkMail-compatible endpoint (a Mailyard's `/aws`).
 */
export async function readWorkMailOrganization(client: WorkMailClient, organizationId: string, onProgress: (what: string) => void): Promise<OrganizationSnapshot> {
  const OrganizationId = organizationId;
  await client.send(new DescribeOrganizationCommand({ OrganizationId }));

  onProgress('domains');
  const domainPages = await all(paginateListMailDomains({ client }, { OrganizationId }));
  const domains = await mapConcurrently(
    domainPages.flatMap((p) => p.MailDomains ?? []),
    SOURCE_CONCURRENCY,
    async (d) => {
      const got = await client.send(new GetMailDomainCommand({ OrganizationId, DomainName: d.DomainName! }));
      return { name: d.DomainName!.toLowerCase(), isTest: got.IsTestDomain ?? false, isDefault: got.IsDefault ?? false, usable: got.IsTestDomain === true || got.OwnershipVerificationStatus === 'VERIFIED' };
    },
  );

  onProgress('users');
  const userRows = (await all(paginateListUsers({ client }, { OrganizationId }))).flatMap((p) => p.Users ?? []).filter((u) => u.State !== 'DELETED');
  const names = new Map<string, MemberRef>();
  const users = await mapConcurrently(userRows, SOURCE_CONCURRENCY, async (row): Promise<SnapshotUser> => {
    const UserId = row.Id!;
    const [u, aliases, quotaMb] = await Promise.all([
      client.send(new DescribeUserCommand({ OrganizationId, UserId })),
      row.State === 'ENABLED' ? aliasesOf(client, OrganizationId, UserId) : Promise.resolve([]),
      row.State === 'ENABLED' ? quotaOf(client, OrganizationId, UserId) : Promise.resolve(null),
    ]);
    names.set(UserId, { type: 'USER', name: u.Name! });
    const details: UserDetails = {
      firstName: u.FirstName ?? null,
      lastName: u.LastName ?? null,
      initials: u.Initials ?? null,
      telephone: u.Telephone ?? null,
      street: u.Street ?? null,
      city: u.City ?? null,
      zipCode: u.ZipCode ?? null,
      country: u.Country ?? null,
      company: u.Company ?? null,
      department: u.Department ?? null,
      jobTitle: u.JobTitle ?? null,
      office: u.Office ?? null,
    };
    return {
      name: u.Name!,
      displayName: u.DisplayName || u.Name!,
      details,
      hiddenFromGlobalAddressList: u.HiddenFromGlobalAddressList ?? false,
      role: (u.UserRole ?? 'USER') as UserRole,
      state: (u.State ?? 'DISABLED') as EntityState,
      email: lower(u.Email),
      aliases,
      quotaMb,
    };
  });

  onProgress('groups');
  const groupRows = (await all(paginateListGroups({ client }, { OrganizationId }))).flatMap((p) => p.Groups ?? []).filter((g) => g.State !== 'DELETED');
  for (const g of groupRows) names.set(g.Id!, { type: 'GROUP', name: g.Name! });
  const groups = await mapConcurrently(groupRows, SOURCE_CONCURRENCY, async (row): Promise<SnapshotGroup> => {
    const GroupId = row.Id!;
    const [g, aliases, memberPages] = await Promise.all([
      client.send(new DescribeGroupCommand({ OrganizationId, GroupId })),
      row.State === 'ENABLED' ? aliasesOf(client, OrganizationId, GroupId) : Promise.resolve([]),
      all(paginateListGroupMembers({ client }, { OrganizationId, GroupId })),
    ]);
    const members = memberPages
      .flatMap((p) => p.Members ?? [])
      .filter((m) => m.State !== 'DELETED')
      .map((m): MemberRef => ({ type: m.Type === 'GROUP' ? 'GROUP' : 'USER', name: m.Name! }));
    return {
      name: g.Name!,
      state: (g.State ?? 'DISABLED') as EntityState,
      email: lower(g.Email),
      aliases,
      hiddenFromGlobalAddressList: g.HiddenFromGlobalAddressList ?? false,
      members,
    };
  });

  onProgress('permissions');
  const mailboxes = userRows.filter((u) => u.State === 'ENABLED');
  const grants = await mapConcurrently(mailboxes, SOURCE_CONCURRENCY, async (row): Promise<SnapshotPermission[]> => {
    const pages = await all(paginateListMailboxPermissions({ client }, { OrganizationId, EntityId: row.Id! }));
    return pages
      .flatMap((p) => p.Permissions ?? [])
      .flatMap((p) => {
        const grantee = names.get(p.GranteeId!);
        return grantee ? [{ mailbox: row.Name!, grantee, permissions: (p.PermissionValues ?? []) as PermissionType[] }] : [];
      });
  });

  onProgress('resources');
  const resources = await readResources(client, OrganizationId, names);
  return { domains, users, groups, permissions: grants.flat(), resources, nestedGroups: groups.some((g) => g.members.some((m) => m.type === 'GROUP')) };
}

/** Every resource with its booking options and delegates (users and groups, named through `names`). */
async function readResources(client: WorkMailClient, OrganizationId: string, names: Map<string, MemberRef>): Promise<SnapshotResource[]> {
  const rows = (await all(paginateListResources({ client }, { OrganizationId }))).flatMap((p) => p.Resources ?? []).filter((r) => r.State !== 'DELETED');
  return mapConcurrently(rows, SOURCE_CONCURRENCY, async (row): Promise<SnapshotResource> => {
    const ResourceId = row.Id!;
    const [r, delegatePages] = await Promise.all([
      client.send(new DescribeResourceCommand({ OrganizationId, ResourceId })),
      all(paginateListResourceDelegates({ client }, { OrganizationId, ResourceId })),
    ]);
    const booking = r.BookingOptions ?? {};
    return {
      name: r.Name!,
      type: r.Type === 'EQUIPMENT' ? 'EQUIPMENT' : 'ROOM',
      description: r.Description || null,
      state: (r.State ?? 'DISABLED') as EntityState,
      email: lower(r.Email),
      hiddenFromGlobalAddressList: r.HiddenFromGlobalAddressList ?? false,
      bookingOptions: {
        autoAcceptRequests: booking.AutoAcceptRequests ?? true,
        autoDeclineRecurringRequests: booking.AutoDeclineRecurringRequests ?? false,
        autoDeclineConflictingRequests: booking.AutoDeclineConflictingRequests ?? true,
      },
      delegates: delegatePages.flatMap((p) => p.Delegates ?? []).flatMap((d) => {
        const ref = names.get(d.Id!);
        return ref ? [ref] : [];
      }),
    };
  });
}

async function aliasesOf(client: WorkMailClient, OrganizationId: string, EntityId: string): Promise<string[]> {
  const pages = await all(paginateListAliases({ client }, { OrganizationId, EntityId }));
  return pages.flatMap((p) => p.Aliases ?? []).map((a) => a.toLowerCase());
}

/** A mailbox WorkMail has not provisioned yet has no quota to copy. */
async function quotaOf(client: WorkMailClient, OrganizationId: string, UserId: string): Promise<number | null> {
  try {
    return (await client.send(new GetMailboxDetailsCommand({ OrganizationId, UserId }))).MailboxQuota ?? null;
  } catch (error) {
    if (error instanceof WorkMailServiceException && error.name === 'EntityNotFoundException') return null;
    throw error;
  }
}

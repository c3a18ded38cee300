import {
  AssociateDelegateToResourceCommand,
  AssociateMemberToGroupCommand,
  CreateAliasCommand,
  CreateGroupCommand,
  CreateResourceCommand,
  CreateUserCommand,
  PutMailboxPermissionsCommand,
  RegisterToWorkMailCommand,
  UpdateMailboxQuotaCommand,
  UpdateResourceCommand,
  UpdateUserCommand,
  type WorkMailClient,
} from '@aws-sdk/client-workmail';
import { mapConcurrently } from '../../src/services/migration/engine/pool.ts';

/** What a seeded WorkMail organization holds, for the tests to compare against. */
export interface SeededOrganization {
  userNames: string[];
  groupNames: string[];
  resourceNames: string[];
  passwords: Map<string, string>;
}


/**
 * Seeds a WorkMail-compatible organization through its API, as a WorkMail customer's would look: `users` users spread
 * over the test domain and two own domains, some disabled, some REMOTE_USER or hidden, with personal details;
 * aliases, quotas, groups nested three deep, one hidden and one disabled; mailbox permissions to users and groups;
 * a room answered by its delegates (a user and a group), a hidden room that accepts by itself, disabled equipment.
 */
export async function seedWorkMailOrganization(
  client: WorkMailClient,
  OrganizationId: string,
  domains: { test: string; own: [string, string] },
  users = 300,
): Promise<SeededOrganization> {
  const pad = (i: number) => String(i).padStart(3, '0');
  const domainOf = (i: number) => [domains.test, ...domains.own][i % 3]!;
  const ids = new Map<string, string>();
  const passwords = new Map<string, string>();
  const userNames = Array.from({ length: users }, (_, i) => `user${pad(i)}`);
  await mapConcurrently(userNames, 8, async (Name, i) => {
    const { UserId } = await client.send(
      new CreateUserCommand({
        OrganizationId,
        Name,
        DisplayName: `User ${pad(i)}`,
        FirstName: `First${i}`,
        LastName: i % 2 ? `Last${i}` : undefined,
        HiddenFromGlobalAddressList: i % 40 === 3,
      }),
    );
    ids.set(`USER:${Name}`, UserId!);
    if (i % 4 === 0) {
      await client.send(new UpdateUserCommand({ OrganizationId, UserId, City: 'Oslo', Department: `Dept ${i % 5}`, JobTitle: 'Engineer', Telephone: `+47 ${1000 + i}` }));
    }
    if (i % 50 === 7) await client.send(new UpdateUserCommand({ OrganizationId, UserId, Role: 'REMOTE_USER' }));
    // Every 25th user stays disabled: WorkMail's CreateUser leaves a user without a mailbox until registered.
    if (i % 25 === 24) return;
    await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: UserId, Email: `${Name}@${domainOf(i)}` }));
    if (i % 10 === 1) await client.send(new CreateAliasCommand({ OrganizationId, EntityId: UserId, Alias: `alias-${Name}@${domainOf(i + 1)}` }));
    if (i % 7 === 0) await client.send(new UpdateMailboxQuotaCommand({ OrganizationId, UserId, MailboxQuota: 1000 + i }));
    if (i % 15 === 2) passwords.set(Name, `Moved-Password-${i}`);
  });

  const groupNames = Array.from({ length: 12 }, (_, i) => `team${pad(i)}`);
  for (const [i, Name] of groupNames.entries()) {
    const { GroupId } = await client.send(new CreateGroupCommand({ OrganizationId, Name }));
    ids.set(`GROUP:${Name}`, GroupId!);
    if (i !== 11) await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: GroupId, Email: `${Name}@${domains.own[i % 2]}` }));
    if (i === 2) await client.send(new CreateAliasCommand({ OrganizationId, EntityId: GroupId, Alias: `everyone@${domains.own[0]}` }));
  }
  const member = (group: string, key: string) => client.send(new AssociateMemberToGroupCommand({ OrganizationId, GroupId: ids.get(`GROUP:${group}`)!, MemberId: ids.get(key)! }));
  // Nesting: team000 ⊃ team001, team002; team001 ⊃ team003 ⊃ team004.
  for (const [outer, inner] of [['team000', 'team001'], ['team000', 'team002'], ['team001', 'team003'], ['team003', 'team004']] as const) await member(outer, `GROUP:${inner}`);
  await mapConcurrently(userNames, 8, (name, i) => member(groupNames[i % groupNames.length]!, `USER:${name}`));

  // Permissions: every 10th mailbox gives the next user full access and a group send-as.
  const grant = (mailbox: string, grantee: string, values: ('FULL_ACCESS' | 'SEND_AS' | 'SEND_ON_BEHALF')[]) =>
    client.send(new PutMailboxPermissionsCommand({ OrganizationId, EntityId: ids.get(`USER:${mailbox}`)!, GranteeId: ids.get(grantee)!, PermissionValues: values }));
  const mailboxes = userNames.filter((_, i) => i % 10 === 0 && i % 25 !== 24);
  await mapConcurrently(mailboxes, 8, async (name) => {
    const i = Number(name.slice(4));
    await grant(name, `USER:${userNames[(i + 1) % users]}`, ['FULL_ACCESS', 'SEND_ON_BEHALF']);
    await grant(name, `GROUP:${groupNames[i % 11]}`, ['SEND_AS']);
  });

  const resource = async (Name: string, Type: 'ROOM' | 'EQUIPMENT', Description?: string) => {
    const { ResourceId } = await client.send(new CreateResourceCommand({ OrganizationId, Name, Type, Description }));
    return ResourceId!;
  };
  const boardroom = await resource('Boardroom', 'ROOM', 'Fourth floor, 12 seats');
  await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: boardroom, Email: `boardroom@${domains.test}` }));
  for (const key of ['USER:user001', 'GROUP:team001']) await client.send(new AssociateDelegateToResourceCommand({ OrganizationId, ResourceId: boardroom, EntityId: ids.get(key)! }));
  await client.send(
    new UpdateResourceCommand({ OrganizationId, ResourceId: boardroom, BookingOptions: { AutoAcceptRequests: false, AutoDeclineRecurringRequests: true, AutoDeclineConflictingRequests: true } }),
  );
  const quiet = await resource('Quiet-room', 'ROOM');
  await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: quiet, Email: `quiet-room@${domains.test}` }));
  await client.send(new UpdateResourceCommand({ OrganizationId, ResourceId: quiet, HiddenFromGlobalAddressList: true }));
  await resource('Projector', 'EQUIPMENT', 'Lent from reception');
  return { userNames, groupNames, resourceNames: ['Boardroom', 'Projector', 'Quiet-room'], passwords };
}

import {
  CreateAliasCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAliasCommand,
  DeleteMailboxPermissionsCommand,
  DescribeEntityCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  ListAliasesCommand,
  ListMailboxPermissionsCommand,
  paginateListAliases,
  paginateListMailboxPermissions,
  PutMailboxPermissionsCommand,
  RegisterToWorkMailCommand,
  UpdatePrimaryEmailAddressCommand,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAddress } from '@mailyard/db/queries/addresses';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let org: { organizationId: string; domain: string };
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  org = await activeOrganization(tenant.client);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;
const send: typeof tenant.client.send = (command: never) => tenant.client.send(command);
const enabledUser = async () => {
  const name = unique('u');
  const { UserId } = await tenant.client.send(new CreateUserCommand({ OrganizationId: org.organizationId, Name: name, DisplayName: name }));
  const email = `${name}@${org.domain}`;
  await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: org.organizationId, EntityId: UserId, Email: email }));
  return { id: UserId!, name, email };
};
const alias = (EntityId: string, Alias: string) => new CreateAliasCommand({ OrganizationId: org.organizationId, EntityId, Alias });

describe('aliases', () => {
  it('CreateAlias, ListAliases over 3+ pages, DeleteAlias; DescribeEntity finds an alias', async () => {
    const user = await enabledUser();
    const aliases = ['a', 'b', 'c', 'd', 'e'].map((l) => `${user.name}-${l}@${org.domain}`);
    for (const a of aliases) await tenant.client.send(alias(user.id, a.toUpperCase()));
    const pages = [];
    for await (const page of paginateListAliases({ client: tenant.client, pageSize: 2 }, { OrganizationId: org.organizationId, EntityId: user.id })) pages.push(page);
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.Aliases)).toEqual(aliases);

    expect(await tenant.client.send(new DescribeEntityCommand({ OrganizationId: org.organizationId, Email: aliases[2] }))).toEqual(
      expect.objectContaining({ EntityId: user.id, Name: user.name, Type: 'USER' }),
    );
    await tenant.client.send(new DeleteAliasCommand({ OrganizationId: org.organizationId, EntityId: user.id, Alias: aliases[0] }));
    expect((await tenant.client.send(new ListAliasesCommand({ OrganizationId: org.organizationId, EntityId: user.id }))).Aliases).toEqual(aliases.slice(1));
    const listed = await callerFor(deps, tenant.op.actor).users.listAddresses({ organizationId: org.organizationId, userId: user.id });
    expect(listed.map((a) => a.address)).toEqual([user.email, ...aliases.slice(1)]);
  });

  it('refuses a taken alias, a domain the organization lacks, an entity by name, an unknown entity', async () => {
    const user = await enabledUser();
    const other = await enabledUser();
    expect((await awsFailure(send(alias(user.id, other.email)))).name).toBe('EmailAddressInUseException');
    expect((await awsFailure(send(alias(user.id, `${user.name}@elsewhere.example`)))).name).toBe('MailDomainNotFoundException');
    // EntityId is a WorkMailIdentifier: an id, never a name.
    expect((await awsFailure(send(alias(`${user.name}-long-enough`, `x${user.email}`)))).name).toBe('EntityNotFoundException');
    expect((await awsFailure(send(alias('short', `x${user.email}`)))).message).toContain("'EntityId'");
    expect((await awsFailure(send(alias(user.id, 'no-at-sign')))).message).toContain("'Alias'");
    expect((await awsFailure(send(alias(user.id, `a..b@${org.domain}`)))).message).toContain("'Alias'");
    expect((await awsFailure(tenant.client.send(new DescribeEntityCommand({ OrganizationId: org.organizationId, Email: `nobody@${org.domain}` })))).name).toBe(
      'EntityNotFoundException',
    );
    // A group that was never registered has no address yet, so no alias either (as a user).
    const { GroupId } = await tenant.client.send(new CreateGroupCommand({ OrganizationId: org.organizationId, Name: unique('grp') }));
    expect(await awsFailure(send(alias(GroupId!, `g${user.email}`)))).toMatchObject({ name: 'EntityStateException', message: expect.stringMatching(/no email address yet/) });
  });

  it('UpdatePrimaryEmailAddress moves the old primary into the aliases, or swaps with an alias', async () => {
    const user = await enabledUser();
    const next = `next-${user.email}`;
    await tenant.client.send(new UpdatePrimaryEmailAddressCommand({ OrganizationId: org.organizationId, EntityId: user.name, Email: next }));
    expect((await tenant.client.send(new DescribeUserCommand({ OrganizationId: org.organizationId, UserId: user.id }))).Email).toBe(next);
    expect((await tenant.client.send(new ListAliasesCommand({ OrganizationId: org.organizationId, EntityId: user.id }))).Aliases).toEqual([user.email]);
    await tenant.client.send(new UpdatePrimaryEmailAddressCommand({ OrganizationId: org.organizationId, EntityId: user.id, Email: user.email }));
    expect((await tenant.client.send(new ListAliasesCommand({ OrganizationId: org.organizationId, EntityId: user.id }))).Aliases).toEqual([next]);
    const taken = await enabledUser();
    const refused = await awsFailure(send(new UpdatePrimaryEmailAddressCommand({ OrganizationId: org.organizationId, EntityId: user.id, Email: taken.email })));
    expect(refused.name).toBe('EmailAddressInUseException');
  });
});

describe('group addresses', () => {
  const registeredGroup = async () => {
    const name = unique('grp');
    const { GroupId } = await tenant.client.send(new CreateGroupCommand({ OrganizationId: org.organizationId, Name: name }));
    const email = `${name}@${org.domain}`;
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: org.organizationId, EntityId: GroupId, Email: email }));
    return { id: GroupId!, name, email };
  };

  it('CreateAlias, ListAliases over pages, DeleteAlias and UpdatePrimaryEmailAddress work on a group, as the console sees', async () => {
    const group = await registeredGroup();
    const aliases = ['a', 'b', 'c'].map((l) => `${group.name}-${l}@${org.domain}`);
    for (const a of aliases) await tenant.client.send(alias(group.id, a));
    const pages = [];
    for await (const page of paginateListAliases({ client: tenant.client, pageSize: 2 }, { OrganizationId: org.organizationId, EntityId: group.id })) pages.push(page);
    expect(pages.map((p) => p.Aliases)).toEqual([aliases.slice(0, 2), aliases.slice(2)]);
    expect(await tenant.client.send(new DescribeEntityCommand({ OrganizationId: org.organizationId, Email: aliases[1] }))).toEqual(
      expect.objectContaining({ EntityId: group.id, Type: 'GROUP' }),
    );
    // Made through an access key: the address records that a script made it.
    expect(await findAddress(deps.db, aliases[0]!)).toMatchObject({ entityId: group.id, entityType: 'GROUP', isPrimary: false, origin: 'api' });

    await tenant.client.send(new DeleteAliasCommand({ OrganizationId: org.organizationId, EntityId: group.id, Alias: aliases[0] }));
    await tenant.client.send(new UpdatePrimaryEmailAddressCommand({ OrganizationId: org.organizationId, EntityId: group.name, Email: aliases[1] }));
    expect((await tenant.client.send(new DescribeGroupCommand({ OrganizationId: org.organizationId, GroupId: group.id }))).Email).toBe(aliases[1]);
    expect((await tenant.client.send(new ListAliasesCommand({ OrganizationId: org.organizationId, EntityId: group.id }))).Aliases).toEqual([aliases[2], group.email]);
    const listed = await callerFor(deps, tenant.op.actor).groups.listAddresses({ organizationId: org.organizationId, groupId: group.id });
    expect(listed.map((a) => [a.address, a.isPrimary])).toEqual([
      [aliases[1], true],
      [aliases[2], false],
      [group.email, false],
    ]);
  });

  it('refuses a taken alias, a domain the organization lacks, and removing the primary', async () => {
    const group = await registeredGroup();
    const other = await registeredGroup();
    expect((await awsFailure(send(alias(group.id, other.email)))).name).toBe('EmailAddressInUseException');
    expect((await awsFailure(send(alias(group.id, `${group.name}@elsewhere.example`)))).name).toBe('MailDomainNotFoundException');
    const primary = await awsFailure(send(new DeleteAliasCommand({ OrganizationId: org.organizationId, EntityId: group.id, Alias: group.email })));
    expect(primary).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/make another address primary first/) });
    const taken = await awsFailure(send(new UpdatePrimaryEmailAddressCommand({ OrganizationId: org.organizationId, EntityId: group.id, Email: other.email })));
    expect(taken.name).toBe('EmailAddressInUseException');
  });
});

describe('mailbox permissions', () => {
  it('Put replaces a grantee’s permissions, List pages over 3+ pages, Delete removes them', async () => {
    const owner = await enabledUser();
    const grantees: Awaited<ReturnType<typeof enabledUser>>[] = [];
    for (let i = 0; i < 5; i++) grantees.push(await enabledUser());
    for (const g of grantees) {
      await tenant.client.send(
        new PutMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.name, GranteeId: g.email, PermissionValues: ['SEND_AS'] }),
      );
    }
    await tenant.client.send(
      new PutMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.id, GranteeId: grantees[0]!.id, PermissionValues: ['FULL_ACCESS', 'SEND_ON_BEHALF'] }),
    );
    const pages = [];
    for await (const page of paginateListMailboxPermissions({ client: tenant.client, pageSize: 2 }, { OrganizationId: org.organizationId, EntityId: owner.id })) {
      pages.push(page);
    }
    expect(pages).toHaveLength(3);
    const permissions = pages.flatMap((p) => p.Permissions!);
    expect(permissions).toHaveLength(5);
    expect(permissions.find((p) => p.GranteeId === grantees[0]!.id)).toEqual({
      GranteeId: grantees[0]!.id,
      GranteeType: 'USER',
      PermissionValues: ['FULL_ACCESS', 'SEND_ON_BEHALF'],
    });

    await tenant.client.send(new DeleteMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.id, GranteeId: grantees[0]!.name }));
    const after = await tenant.client.send(new ListMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.id }));
    expect(after.Permissions!.map((p) => p.GranteeId)).not.toContain(grantees[0]!.id);
    const viaTrpc = await callerFor(deps, tenant.op.actor).permissions.list({ organizationId: org.organizationId, mailboxUserId: owner.id });
    expect(viaTrpc.items).toHaveLength(4);
  });

  it('refuses an unknown grantee, a disabled grantee, an empty or unknown permission', async () => {
    const owner = await enabledUser();
    const put = (GranteeId: string, PermissionValues: string[]) =>
      send(new PutMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.id, GranteeId, PermissionValues } as never));
    expect((await awsFailure(put('ghost', ['SEND_AS']))).name).toBe('EntityNotFoundException');
    const { UserId } = await tenant.client.send(new CreateUserCommand({ OrganizationId: org.organizationId, Name: unique('d'), DisplayName: 'Disabled' }));
    expect((await awsFailure(put(UserId!, ['SEND_AS']))).name).toBe('EntityStateException');
    expect((await awsFailure(put(owner.id, ['SEND_AS']))).name).toBe('InvalidParameterException');
    expect((await awsFailure(put(UserId!, []))).message).toContain("'PermissionValues'");
    expect((await awsFailure(put(UserId!, ['READ']))).message).toContain("'PermissionValues.0'");
    const missing = await awsFailure(send(new DeleteMailboxPermissionsCommand({ OrganizationId: org.organizationId, EntityId: owner.id, GranteeId: UserId })));
    expect(missing.name).toBe('EntityNotFoundException');
  });
});

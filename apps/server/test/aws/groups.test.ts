import {
  AssociateMemberToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeregisterFromWorkMailCommand,
  DescribeEntityCommand,
  DescribeGroupCommand,
  DisassociateMemberFromGroupCommand,
  ListGroupsCommand,
  ListGroupsForEntityCommand,
  paginateListGroupMembers,
  paginateListGroups,
  paginateListGroupsForEntity,
  RegisterToWorkMailCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
const OrganizationId = () => org.organizationId;
const createGroup = async (Name = unique('group')) => ({ id: (await tenant.client.send(new CreateGroupCommand({ OrganizationId: OrganizationId(), Name }))).GroupId!, name: Name });
const createUser = async (Name = unique('user')) => ({
  id: (await tenant.client.send(new CreateUserCommand({ OrganizationId: OrganizationId(), Name, DisplayName: Name }))).UserId!,
  name: Name,
});

describe('groups', () => {
  it('CreateGroup makes a DISABLED group; RegisterToWorkMail gives it an address; DescribeGroup by id, name or email', async () => {
    const { id, name } = await createGroup(unique('Sales Team'));
    expect(await tenant.client.send(new DescribeGroupCommand({ OrganizationId: OrganizationId(), GroupId: id }))).toMatchObject({
      GroupId: id,
      Name: name,
      State: 'DISABLED',
      HiddenFromGlobalAddressList: false,
    });
    const email = `${id.slice(0, 8)}@${org.domain}`;
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: id, Email: email }));
    const byEmail = await tenant.client.send(new DescribeGroupCommand({ OrganizationId: OrganizationId(), GroupId: email }));
    expect(byEmail).toMatchObject({ GroupId: id, Email: email, State: 'ENABLED' });
    expect(byEmail.EnabledDate).toBeInstanceOf(Date);
    expect(await tenant.client.send(new DescribeEntityCommand({ OrganizationId: OrganizationId(), Email: email }))).toMatchObject({ EntityId: id, Name: name, Type: 'GROUP' });

    await tenant.client.send(new UpdateGroupCommand({ OrganizationId: OrganizationId(), GroupId: id, HiddenFromGlobalAddressList: true }));
    expect((await callerFor(deps, tenant.op.actor).groups.get({ organizationId: OrganizationId(), groupId: id })).hiddenFromGlobalAddressList).toBe(true);

    expect((await awsFailure(tenant.client.send(new DeleteGroupCommand({ OrganizationId: OrganizationId(), GroupId: id })))).name).toBe('EntityStateException');
    await tenant.client.send(new DeregisterFromWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: id }));
    await tenant.client.send(new DeleteGroupCommand({ OrganizationId: OrganizationId(), GroupId: id }));
    expect((await tenant.client.send(new DescribeGroupCommand({ OrganizationId: OrganizationId(), GroupId: id }))).State).toBe('DELETED');
  });

  it('refuses a taken name, a reserved name and bad members; an unknown group is EntityNotFoundException', async () => {
    const { name } = await createGroup();
    expect((await awsFailure(createGroup(name.toUpperCase()))).name).toBe('NameAvailabilityException');
    expect((await awsFailure(createGroup('abuse'))).name).toBe('ReservedNameException');
    expect((await awsFailure(createGroup(''))).message).toContain("'Name'");
    expect((await awsFailure(createGroup('x'.repeat(257)))).message).toContain("'Name'");
    expect((await awsFailure(createGroup('emoji 😀'))).message).toContain("'Name'");
    expect((await awsFailure(tenant.client.send(new DescribeGroupCommand({ OrganizationId: OrganizationId(), GroupId: 'ghost' })))).name).toBe(
      'EntityNotFoundException',
    );
  });

  it('ListGroups pages over 3+ pages and filters by name, email and state', async () => {
    const tenant2 = await awsTenant(deps, server.url);
    const own = await activeOrganization(tenant2.client);
    const names = [];
    for (let i = 0; i < 5; i++) {
      names.push(`g${i}`);
      await tenant2.client.send(new CreateGroupCommand({ OrganizationId: own.organizationId, Name: `g${i}` }));
    }
    const pages = [];
    for await (const page of paginateListGroups({ client: tenant2.client, pageSize: 2 }, { OrganizationId: own.organizationId })) pages.push(page);
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.Groups!.map((g) => g.Name))).toEqual(names);
    expect(pages[0]!.Groups![0]).toEqual({ Id: expect.any(String), Name: 'g0', State: 'DISABLED' });
    const list = (Filters: object) => tenant2.client.send(new ListGroupsCommand({ OrganizationId: own.organizationId, Filters }));
    expect((await list({ State: 'ENABLED' })).Groups).toEqual([]);
    const g3 = pages[1]!.Groups![1]!;
    await tenant2.client.send(new RegisterToWorkMailCommand({ OrganizationId: own.organizationId, EntityId: g3.Id, Email: `team3@${own.domain}` }));
    expect((await list({ NamePrefix: 'G3' })).Groups!.map((g) => g.Name)).toEqual(['g3']);
    expect((await list({ PrimaryEmailPrefix: 'team' })).Groups).toEqual([expect.objectContaining({ Name: 'g3', Email: `team3@${own.domain}`, State: 'ENABLED' })]);
    expect((await list({ State: 'ENABLED', NamePrefix: 'g4' })).Groups).toEqual([]);
    const first = await tenant2.client.send(new ListGroupsCommand({ OrganizationId: own.organizationId, MaxResults: 1 }));
    const replay = await awsFailure(tenant2.client.send(new ListGroupsCommand({ OrganizationId: own.organizationId, NextToken: first.NextToken, Filters: { NamePrefix: 'g' } })));
    expect(replay.message).toContain("'NextToken'");
  });

  it('members: associate by name or id, list over 3+ pages, groups of an entity, disassociate', async () => {
    const group = await createGroup();
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await createUser());
    for (const m of members) await tenant.client.send(new AssociateMemberToGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.name, MemberId: m.name }));
    // Adding again changes nothing.
    await tenant.client.send(new AssociateMemberToGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.id, MemberId: members[0]!.id }));

    const pages = [];
    for await (const page of paginateListGroupMembers({ client: tenant.client, pageSize: 2 }, { OrganizationId: OrganizationId(), GroupId: group.id })) pages.push(page);
    expect(pages).toHaveLength(3);
    const listed = pages.flatMap((p) => p.Members!);
    expect(listed.map((m) => m.Id).sort()).toEqual(members.map((m) => m.id).sort());
    expect(listed[0]).toMatchObject({ Type: 'USER', State: 'DISABLED', Name: expect.any(String) });

    const other = await createGroup(unique('zeta'));
    await tenant.client.send(new AssociateMemberToGroupCommand({ OrganizationId: OrganizationId(), GroupId: other.id, MemberId: members[0]!.id }));
    const groupsOf = [];
    for await (const page of paginateListGroupsForEntity({ client: tenant.client, pageSize: 1 }, { OrganizationId: OrganizationId(), EntityId: members[0]!.name })) {
      groupsOf.push(...page.Groups!);
    }
    expect(groupsOf).toEqual([
      { GroupId: group.id, GroupName: group.name },
      { GroupId: other.id, GroupName: other.name },
    ]);
    const filtered = await tenant.client.send(
      new ListGroupsForEntityCommand({ OrganizationId: OrganizationId(), EntityId: members[0]!.id, Filters: { GroupNamePrefix: 'ZETA' } }),
    );
    expect(filtered.Groups).toEqual([{ GroupId: other.id, GroupName: other.name }]);

    // The built-in directory has no nested groups.
    const nested = await awsFailure(tenant.client.send(new AssociateMemberToGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.id, MemberId: other.id })));
    expect(nested.name).toBe('UnsupportedOperationException');
    expect((await awsFailure(tenant.client.send(new AssociateMemberToGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.id, MemberId: 'ghost' })))).name).toBe(
      'EntityNotFoundException',
    );

    await tenant.client.send(new DisassociateMemberFromGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.id, MemberId: members[0]!.id }));
    const again = await awsFailure(
      tenant.client.send(new DisassociateMemberFromGroupCommand({ OrganizationId: OrganizationId(), GroupId: group.id, MemberId: members[0]!.id })),
    );
    expect(again.name).toBe('EntityNotFoundException');
  });
});

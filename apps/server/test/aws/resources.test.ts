import {
  AssociateDelegateToResourceCommand,
  CreateGroupCommand,
  CreateResourceCommand,
  CreateUserCommand,
  DeleteResourceCommand,
  DeregisterFromWorkMailCommand,
  DescribeEntityCommand,
  DescribeResourceCommand,
  DisassociateDelegateFromResourceCommand,
  ListGroupsForEntityCommand,
  ListResourcesCommand,
  paginateListResourceDelegates,
  paginateListResources,
  RegisterToWorkMailCommand,
  UpdateResourceCommand,
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
const createResource = async (Name = unique('room'), Type: 'ROOM' | 'EQUIPMENT' = 'ROOM') => ({
  id: (await tenant.client.send(new CreateResourceCommand({ OrganizationId: OrganizationId(), Name, Type }))).ResourceId!,
  name: Name,
});
const describeResource = (ResourceId: string) => tenant.client.send(new DescribeResourceCommand({ OrganizationId: OrganizationId(), ResourceId }));

describe('resources', () => {
  it('CreateResource makes a DISABLED resource; RegisterToWorkMail enables it; DescribeResource by id, name or email; Deregister, then Delete', async () => {
    const name = unique('Board');
    const { ResourceId: id } = await tenant.client.send(
      new CreateResourceCommand({ OrganizationId: OrganizationId(), Name: name, Type: 'ROOM', Description: 'Third floor', HiddenFromGlobalAddressList: true }),
    );
    expect(id).toMatch(/^r-[0-9a-f]{32}$/);
    const described = await describeResource(id!);
    expect(described).toMatchObject({
      ResourceId: id,
      Name: name,
      Type: 'ROOM',
      State: 'DISABLED',
      Description: 'Third floor',
      HiddenFromGlobalAddressList: true,
      BookingOptions: { AutoAcceptRequests: true, AutoDeclineRecurringRequests: false, AutoDeclineConflictingRequests: true },
    });
    expect(described.Email).toBeUndefined();

    const email = `${name.toLowerCase()}@${org.domain}`;
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: name, Email: email }));
    const byEmail = await describeResource(email);
    expect(byEmail).toMatchObject({ ResourceId: id, Email: email, State: 'ENABLED' });
    expect(byEmail.EnabledDate).toBeInstanceOf(Date);
    expect(await describeResource(name.toUpperCase())).toMatchObject({ ResourceId: id });
    expect(await tenant.client.send(new DescribeEntityCommand({ OrganizationId: OrganizationId(), Email: email }))).toMatchObject({ EntityId: id, Name: name, Type: 'RESOURCE' });
    // Registering again with the same address changes nothing; with another it is refused.
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: id, Email: email }));
    const again = await awsFailure(tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: id, Email: `x${email}` })));
    expect(again.name).toBe('EntityAlreadyRegisteredException');
    // A resource is in no group.
    expect((await tenant.client.send(new ListGroupsForEntityCommand({ OrganizationId: OrganizationId(), EntityId: id }))).Groups).toEqual([]);

    expect((await awsFailure(tenant.client.send(new DeleteResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id })))).name).toBe('EntityStateException');
    await tenant.client.send(new DeregisterFromWorkMailCommand({ OrganizationId: OrganizationId(), EntityId: id }));
    const disabled = await describeResource(id!);
    expect(disabled).toMatchObject({ State: 'DISABLED', Email: email });
    expect(disabled.DisabledDate).toBeInstanceOf(Date);
    await tenant.client.send(new DeleteResourceCommand({ OrganizationId: OrganizationId(), ResourceId: name }));
    expect(await describeResource(id!)).toMatchObject({ State: 'DELETED' });
    expect((await awsFailure(describeResource(name))).name).toBe('EntityNotFoundException');
  });

  it('refuses a taken name of any kind, a reserved name and bad members with AWS messages; an unknown resource is EntityNotFoundException', async () => {
    const { name } = await createResource();
    expect((await awsFailure(createResource(name.toUpperCase()))).name).toBe('NameAvailabilityException');
    const user = unique('ann');
    await tenant.client.send(new CreateUserCommand({ OrganizationId: OrganizationId(), Name: user, DisplayName: 'Ann' }));
    const taken = await awsFailure(createResource(user));
    expect(taken).toMatchObject({ name: 'NameAvailabilityException', status: 400 });
    expect(taken.message).toContain(`the user "${user}"`);
    expect((await awsFailure(tenant.client.send(new CreateGroupCommand({ OrganizationId: OrganizationId(), Name: name })))).name).toBe('NameAvailabilityException');
    expect((await awsFailure(createResource('postmaster'))).name).toBe('ReservedNameException');
    const long = await awsFailure(createResource('x'.repeat(21)));
    expect(long).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(long.message).toBe("1 validation error detected: Value at 'Name' failed to satisfy constraint: Member must have length less than or equal to 20");
    expect((await awsFailure(createResource('Board room'))).message).toContain("Value at 'Name' failed to satisfy constraint: Member must satisfy regular expression pattern");
    expect((await awsFailure(createResource(unique('r'), 'CAR' as never))).message).toContain("Value at 'Type' failed to satisfy constraint: Member must satisfy enum value set: [ROOM, EQUIPMENT]");
    const missing = await awsFailure(tenant.client.send(new CreateResourceCommand({ OrganizationId: OrganizationId(), Name: unique('r') } as never)));
    expect(missing.message).toContain("Value at 'Type' failed to satisfy constraint: Member must not be null");
    const description = await awsFailure(tenant.client.send(new CreateResourceCommand({ OrganizationId: OrganizationId(), Name: unique('r'), Type: 'ROOM', Description: 'd'.repeat(65) })));
    expect(description.message).toContain("'Description'");
    expect((await awsFailure(describeResource('ghost'))).name).toBe('EntityNotFoundException');
    expect((await awsFailure(describeResource(`r-${'0'.repeat(32)}`))).name).toBe('EntityNotFoundException');
    expect((await awsFailure(tenant.client.send(new DescribeResourceCommand({ OrganizationId: 'm-00000000000000000000000000000000', ResourceId: name })))).name).toBe(
      'OrganizationNotFoundException',
    );
  });

  it('UpdateResource changes what is given, clears the description with "", and needs a delegate to turn auto-accept off', async () => {
    const { id, name } = await createResource();
    const renamed = unique('Hall');
    await tenant.client.send(
      new UpdateResourceCommand({
        OrganizationId: OrganizationId(),
        ResourceId: name,
        Name: renamed,
        Type: 'EQUIPMENT',
        Description: 'Projector',
        HiddenFromGlobalAddressList: true,
        BookingOptions: { AutoDeclineRecurringRequests: true },
      }),
    );
    expect(await describeResource(id)).toMatchObject({
      Name: renamed,
      Type: 'EQUIPMENT',
      Description: 'Projector',
      HiddenFromGlobalAddressList: true,
      BookingOptions: { AutoAcceptRequests: true, AutoDeclineRecurringRequests: true, AutoDeclineConflictingRequests: true },
    });
    await tenant.client.send(new UpdateResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, Description: '' }));
    expect((await describeResource(id)).Description).toBeUndefined();

    const off = () => tenant.client.send(new UpdateResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, BookingOptions: { AutoAcceptRequests: false } }));
    const refused = await awsFailure(off());
    expect(refused).toMatchObject({ name: 'InvalidConfigurationException', status: 400 });
    expect(refused.message).toMatch(/at least one delegate/);
    const user = unique('bob');
    await tenant.client.send(new CreateUserCommand({ OrganizationId: OrganizationId(), Name: user, DisplayName: 'Bob' }));
    await tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: user }));
    await off();
    expect((await describeResource(id)).BookingOptions!.AutoAcceptRequests).toBe(false);
    const last = await awsFailure(tenant.client.send(new DisassociateDelegateFromResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: user })));
    expect(last.name).toBe('InvalidConfigurationException');

    const other = await createResource();
    expect((await awsFailure(tenant.client.send(new UpdateResourceCommand({ OrganizationId: OrganizationId(), ResourceId: other.id, Name: renamed.toLowerCase() })))).name).toBe(
      'NameAvailabilityException',
    );
    expect(
      (await awsFailure(tenant.client.send(new UpdateResourceCommand({ OrganizationId: OrganizationId(), ResourceId: other.id, Description: 'd'.repeat(65) })))).message,
    ).toContain("'Description'");
  });

  it('ListResources pages over 3+ pages with the paginator and filters by name, email and state', async () => {
    const tenant2 = await awsTenant(deps, server.url);
    const own = await activeOrganization(tenant2.client);
    const names = ['r0', 'r1', 'r2', 'r3', 'r4'];
    for (const Name of names) await tenant2.client.send(new CreateResourceCommand({ OrganizationId: own.organizationId, Name, Type: Name === 'r4' ? 'EQUIPMENT' : 'ROOM' }));
    const pages = [];
    for await (const page of paginateListResources({ client: tenant2.client, pageSize: 2 }, { OrganizationId: own.organizationId })) pages.push(page);
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.Resources!.map((r) => r.Name))).toEqual(names);
    expect(pages[0]!.Resources![0]).toEqual({ Id: expect.stringMatching(/^r-/), Name: 'r0', Type: 'ROOM', State: 'DISABLED' });
    const list = (Filters: object) => tenant2.client.send(new ListResourcesCommand({ OrganizationId: own.organizationId, Filters }));
    const r3 = pages[1]!.Resources![1]!;
    await tenant2.client.send(new RegisterToWorkMailCommand({ OrganizationId: own.organizationId, EntityId: r3.Id, Email: `room3@${own.domain}` }));
    expect((await list({ State: 'ENABLED' })).Resources).toEqual([expect.objectContaining({ Name: 'r3', Email: `room3@${own.domain}`, EnabledDate: expect.any(Date) })]);
    expect((await list({ NamePrefix: 'R4' })).Resources!.map((r) => r.Type)).toEqual(['EQUIPMENT']);
    expect((await list({ PrimaryEmailPrefix: 'room' })).Resources!.map((r) => r.Name)).toEqual(['r3']);
    const first = await tenant2.client.send(new ListResourcesCommand({ OrganizationId: own.organizationId, MaxResults: 1 }));
    const replay = await awsFailure(tenant2.client.send(new ListResourcesCommand({ OrganizationId: own.organizationId, NextToken: first.NextToken, Filters: { NamePrefix: 'r' } })));
    expect(replay.message).toContain("'NextToken'");
    expect((await awsFailure(tenant2.client.send(new ListResourcesCommand({ OrganizationId: own.organizationId, MaxResults: 101 })))).message).toContain("'MaxResults'");
  });

  it('delegates: associate users and groups by name or id, list them over 3+ pages, disassociate; a resource or a stranger is no delegate', async () => {
    const { id } = await createResource();
    const delegates: { Id: string; Type: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const Name = unique('u');
      const { UserId } = await tenant.client.send(new CreateUserCommand({ OrganizationId: OrganizationId(), Name, DisplayName: Name }));
      await tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: i % 2 ? Name : UserId }));
      delegates.push({ Id: UserId!, Type: 'USER' });
    }
    const { GroupId } = await tenant.client.send(new CreateGroupCommand({ OrganizationId: OrganizationId(), Name: unique('Facilities') }));
    await tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: GroupId }));
    delegates.push({ Id: GroupId!, Type: 'GROUP' });
    // Adding again changes nothing.
    await tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: GroupId }));

    const pages = [];
    for await (const page of paginateListResourceDelegates({ client: tenant.client, pageSize: 2 }, { OrganizationId: OrganizationId(), ResourceId: id })) pages.push(page);
    expect(pages).toHaveLength(3);
    const byId = (a: { Id?: string }, b: { Id?: string }) => a.Id!.localeCompare(b.Id!);
    expect(pages.flatMap((p) => p.Delegates!).sort(byId)).toEqual([...delegates].sort(byId));

    await tenant.client.send(new DisassociateDelegateFromResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: GroupId }));
    const notOne = await awsFailure(tenant.client.send(new DisassociateDelegateFromResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: GroupId })));
    expect(notOne.name).toBe('EntityNotFoundException');
    const other = await createResource();
    const resourceAsDelegate = await awsFailure(tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: id, EntityId: other.name })));
    expect(resourceAsDelegate.name).toBe('EntityNotFoundException');
    const ghost = await awsFailure(tenant.client.send(new AssociateDelegateToResourceCommand({ OrganizationId: OrganizationId(), ResourceId: 'ghost-room', EntityId: GroupId })));
    expect(ghost).toMatchObject({ name: 'EntityNotFoundException', message: `No resource "ghost-room" exists in organization ${OrganizationId()}.` });
    const listed = await callerFor(deps, tenant.op.actor).resources.listDelegates({ organizationId: OrganizationId(), resourceId: id });
    expect(listed.items).toHaveLength(4);
  });
});

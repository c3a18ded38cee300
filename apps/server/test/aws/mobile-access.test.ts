import {
  CreateMobileDeviceAccessRuleCommand,
  CreateUserCommand,
  DeleteMobileDeviceAccessOverrideCommand,
  DeleteMobileDeviceAccessRuleCommand,
  GetMobileDeviceAccessEffectCommand,
  GetMobileDeviceAccessOverrideCommand,
  ListMobileDeviceAccessOverridesCommand,
  ListMobileDeviceAccessRulesCommand,
  paginateListMobileDeviceAccessOverrides,
  PutMobileDeviceAccessOverrideCommand,
  RegisterToWorkMailCommand,
  UpdateMobileDeviceAccessRuleCommand,
  type ListMobileDeviceAccessOverridesCommandOutput,
} from '@aws-sdk/client-workmail';
import { updateOrganization } from '@mailyard/db/queries/organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let other: AwsTenant;
let org: { organizationId: string; domain: string };
let userId: string;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  other = await awsTenant(deps, server.url);
  org = await activeOrganization(tenant.client);
  userId = (await tenant.client.send(new CreateUserCommand({ OrganizationId: org.organizationId, Name: 'ann', DisplayName: 'Ann', Password: 'Str0ng!Passw0rd' }))).UserId!;
  await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: org.organizationId, EntityId: userId, Email: `ann@${org.domain}` }));
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const rules = async (organizationId = org.organizationId) => (await tenant.client.send(new ListMobileDeviceAccessRulesCommand({ OrganizationId: organizationId }))).Rules!;
const effect = (input: Omit<ConstructorParameters<typeof GetMobileDeviceAccessEffectCommand>[0], 'OrganizationId'>, organizationId = org.organizationId) =>
  tenant.client.send(new GetMobileDeviceAccessEffectCommand({ OrganizationId: organizationId, ...input }));

describe('mobile device access rules through the AWS SDK', () => {
  it('lists the default rule, creates, updates and deletes rules with their ids and dates', async () => {
    const [initial] = await rules();
    expect(initial).toMatchObject({ Name: 'DefaultAllowAll', Effect: 'ALLOW', MobileDeviceAccessRuleId: expect.stringMatching(UUID), DateCreated: expect.any(Date) });
    expect(initial).not.toHaveProperty('DeviceTypes');

    const { MobileDeviceAccessRuleId: id } = await tenant.client.send(
      new CreateMobileDeviceAccessRuleCommand({
        OrganizationId: org.organizationId,
        Name: 'BlockAllAndroid',
        Description: 'Android phones stay out',
        Effect: 'DENY',
        DeviceTypes: ['android'],
        NotDeviceUserAgents: ['Outlook-Android'],
      }),
    );
    expect(id).toMatch(UUID);
    expect((await rules()).find((r) => r.MobileDeviceAccessRuleId === id)).toEqual({
      MobileDeviceAccessRuleId: id,
      Name: 'BlockAllAndroid',
      Description: 'Android phones stay out',
      Effect: 'DENY',
      DeviceTypes: ['android'],
      NotDeviceUserAgents: ['Outlook-Android'],
      DateCreated: expect.any(Date),
      DateModified: expect.any(Date),
    });

    await tenant.client.send(
      new UpdateMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId: id, Name: 'AllowLatestiOS', Effect: 'ALLOW', DeviceOperatingSystems: ['iOS 14.3'] }),
    );
    const updated = (await rules()).find((r) => r.MobileDeviceAccessRuleId === id)!;
    expect(updated).toMatchObject({ Name: 'AllowLatestiOS', Effect: 'ALLOW', DeviceOperatingSystems: ['iOS 14.3'] });
    expect(updated).not.toHaveProperty('DeviceTypes');
    expect(updated).not.toHaveProperty('Description');

    await tenant.client.send(new DeleteMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId: id }));
    // Deleting again, or a rule that never was, is no error.
    await tenant.client.send(new DeleteMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId: id }));
    await tenant.client.send(new DeleteMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId: 'not_a_rule' }));
    expect((await rules()).map((r) => r.Name)).toEqual(['DefaultAllowAll']);
  });

  it('GetMobileDeviceAccessEffect: deny wins, prefix and $NONE matching, the matched rules named', async () => {
    const { organizationId } = await activeOrganization(tenant.client);
    const create = (Name: string, Effect: 'ALLOW' | 'DENY', extra: object = {}) =>
      tenant.client.send(new CreateMobileDeviceAccessRuleCommand({ OrganizationId: organizationId, Name, Effect, ...extra }));
    const { MobileDeviceAccessRuleId: denyId } = await create('DenyOldiOS', 'DENY', { DeviceOperatingSystems: ['iOS 12', 'iOS 13'] });
    await create('DenyUnknownType', 'DENY', { DeviceTypes: ['$NONE'] });

    expect(await effect({ DeviceType: 'iPhone', DeviceOperatingSystem: 'iOS 12.3.1 16F203' }, organizationId)).toMatchObject({
      Effect: 'DENY',
      MatchedRules: [{ MobileDeviceAccessRuleId: denyId, Name: 'DenyOldiOS' }],
    });
    expect(await effect({ DeviceType: 'iphone', DeviceOperatingSystem: 'iOS 17.4' }, organizationId)).toMatchObject({ Effect: 'ALLOW', MatchedRules: [{ Name: 'DefaultAllowAll' }] });
    expect(await effect({ DeviceOperatingSystem: 'iOS 17.4' }, organizationId)).toMatchObject({ Effect: 'DENY', MatchedRules: [{ Name: 'DenyUnknownType' }] });
  });

  it('refuses an eleventh rule with LimitExceededException', async () => {
    const { organizationId } = await activeOrganization(tenant.client);
    for (let i = 1; i < 10; i++) await tenant.client.send(new CreateMobileDeviceAccessRuleCommand({ OrganizationId: organizationId, Name: `r${i}`, Effect: 'ALLOW' }));
    const refused = await awsFailure(tenant.client.send(new CreateMobileDeviceAccessRuleCommand({ OrganizationId: organizationId, Name: 'r10', Effect: 'ALLOW' })));
    expect(refused).toMatchObject({ name: 'LimitExceededException', status: 400, message: expect.stringContaining('at most 10') });
    expect(await rules(organizationId)).toHaveLength(10);
  });

  it('a retried create (same ClientToken) returns the same rule', async () => {
    const input = { OrganizationId: org.organizationId, Name: 'Retried', Effect: 'DENY' as const, ClientToken: 'client-token-1', DeviceModels: ['Nokia'] };
    const first = await tenant.client.send(new CreateMobileDeviceAccessRuleCommand(input));
    const again = await tenant.client.send(new CreateMobileDeviceAccessRuleCommand(input));
    expect(again.MobileDeviceAccessRuleId).toBe(first.MobileDeviceAccessRuleId);
    await tenant.client.send(new DeleteMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId: first.MobileDeviceAccessRuleId }));
  });

  it.each([
    [
      'an empty name',
      { Name: '' },
      "2 validation errors detected: Value at 'Name' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'Name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S\\s]+",
    ],
    ['a 65-character name', { Name: 'x'.repeat(65) }, "1 validation error detected: Value at 'Name' failed to satisfy constraint: Member must have length less than or equal to 64"],
    ['another effect', { Effect: 'BLOCK' }, "1 validation error detected: Value at 'Effect' failed to satisfy constraint: Member must satisfy enum value set: [ALLOW, DENY]"],
    ['eleven device types', { DeviceTypes: Array(11).fill('a') }, "1 validation error detected: Value at 'DeviceTypes' failed to satisfy constraint: Member must have length less than or equal to 10"],
    ['an empty list', { NotDeviceModels: [] }, "1 validation error detected: Value at 'NotDeviceModels' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['a value beyond Latin-1', { DeviceUserAgents: ['Mail ✓'] }, "1 validation error detected: Value at 'DeviceUserAgents.0' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\u00FF]+"],
    ['a blank name', { Name: '   ' }, "1 validation error detected: Value at 'Name' failed to satisfy constraint: Enter a rule name."],
  ])('CreateMobileDeviceAccessRule refuses %s with InvalidParameterException', async (_, patch, message) => {
    const input = { OrganizationId: org.organizationId, Name: 'Bad', Effect: 'DENY', ...patch } as ConstructorParameters<typeof CreateMobileDeviceAccessRuleCommand>[0];
    const refused = await awsFailure(tenant.client.send(new CreateMobileDeviceAccessRuleCommand(input)));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400, message });
  });

  it('answers EntityNotFound for an unknown rule, OrganizationNotFound for another account, OrganizationState for an inactive organization', async () => {
    const update = (MobileDeviceAccessRuleId: string) =>
      tenant.client.send(new UpdateMobileDeviceAccessRuleCommand({ OrganizationId: org.organizationId, MobileDeviceAccessRuleId, Name: 'n', Effect: 'DENY' }));
    for (const id of ['not_a_rule', '00000000-0000-4000-8000-000000000000']) expect(await awsFailure(update(id))).toMatchObject({ name: 'EntityNotFoundException' });
    expect(await awsFailure(other.client.send(new ListMobileDeviceAccessRulesCommand({ OrganizationId: org.organizationId })))).toMatchObject({
      name: 'OrganizationNotFoundException',
    });
    expect(await awsFailure(other.client.send(new GetMobileDeviceAccessEffectCommand({ OrganizationId: org.organizationId })))).toMatchObject({
      name: 'OrganizationNotFoundException',
    });
    const inactive = await activeOrganization(tenant.client);
    await updateOrganization(deps.db, inactive.organizationId, { state: 'Inactive' });
    for (const call of [
      () => tenant.client.send(new ListMobileDeviceAccessRulesCommand({ OrganizationId: inactive.organizationId })),
      () => tenant.client.send(new CreateMobileDeviceAccessRuleCommand({ OrganizationId: inactive.organizationId, Name: 'n', Effect: 'DENY' })),
      () => tenant.client.send(new ListMobileDeviceAccessOverridesCommand({ OrganizationId: inactive.organizationId })),
    ]) {
      expect(await awsFailure(call())).toMatchObject({ name: 'OrganizationStateException', message: `Organization ${inactive.organizationId} is not Active, state: Inactive` });
    }
  });
});

describe('mobile device access overrides through the AWS SDK', () => {
  it('puts, gets (by id, name or address; device ids without case), replaces, lists and deletes an override', async () => {
    await tenant.client.send(
      new PutMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: 'ann', DeviceId: '6APMEKPHCP2ND42VIJ4BR8ECDO', Effect: 'DENY', Description: 'Lost' }),
    );
    for (const UserId of [userId, 'ann', `ann@${org.domain}`]) {
      const got = await tenant.client.send(new GetMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId, DeviceId: '6apmekphcp2nd42vij4br8ecdo' }));
      expect(got).toMatchObject({ UserId: userId, DeviceId: '6apmekphcp2nd42vij4br8ecdo', Effect: 'DENY', Description: 'Lost', DateCreated: expect.any(Date), DateModified: expect.any(Date) });
    }
    await tenant.client.send(new PutMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: userId, DeviceId: '6APMEKPHCP2ND42VIJ4BR8ECDO', Effect: 'ALLOW' }));
    const { Overrides } = await tenant.client.send(new ListMobileDeviceAccessOverridesCommand({ OrganizationId: org.organizationId, UserId: 'ann' }));
    expect(Overrides).toEqual([{ UserId: userId, DeviceId: '6apmekphcp2nd42vij4br8ecdo', Effect: 'ALLOW', DateCreated: expect.any(Date), DateModified: expect.any(Date) }]);

    const ref = { OrganizationId: org.organizationId, UserId: userId, DeviceId: '6APMEKPHCP2ND42VIJ4BR8ECDO' };
    await tenant.client.send(new DeleteMobileDeviceAccessOverrideCommand(ref));
    await tenant.client.send(new DeleteMobileDeviceAccessOverrideCommand(ref));
    expect(await awsFailure(tenant.client.send(new GetMobileDeviceAccessOverrideCommand(ref)))).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });

  it('pages through overrides with the SDK paginator, filtered by device', async () => {
    for (let i = 0; i < 5; i++) {
      await tenant.client.send(new PutMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: userId, DeviceId: `Phone${i}`, Effect: 'ALLOW' }));
    }
    const pages: ListMobileDeviceAccessOverridesCommandOutput[] = [];
    for await (const page of paginateListMobileDeviceAccessOverrides({ client: tenant.client, pageSize: 2 }, { OrganizationId: org.organizationId })) pages.push(page);
    expect(pages.map((p) => p.Overrides!.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.Overrides!.map((o) => o.DeviceId))).toEqual(['phone0', 'phone1', 'phone2', 'phone3', 'phone4']);
    const one = await tenant.client.send(new ListMobileDeviceAccessOverridesCommand({ OrganizationId: org.organizationId, DeviceId: 'PHONE3' }));
    expect(one.Overrides!.map((o) => o.DeviceId)).toEqual(['phone3']);
    const replayed = await awsFailure(
      tenant.client.send(new ListMobileDeviceAccessOverridesCommand({ OrganizationId: org.organizationId, DeviceId: 'phone3', NextToken: pages[0]!.NextToken })),
    );
    expect(replayed).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("'NextToken'") });
  });

  it('answers EntityNotFound for an unknown user, InvalidParameter for a bad device id', async () => {
    expect(
      await awsFailure(tenant.client.send(new PutMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: 'nobody', DeviceId: 'abc', Effect: 'ALLOW' }))),
    ).toMatchObject({ name: 'EntityNotFoundException' });
    const bad = await awsFailure(
      tenant.client.send(new PutMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: userId, DeviceId: 'not-valid', Effect: 'ALLOW' })),
    );
    expect(bad).toMatchObject({ name: 'InvalidParameterException', message: "1 validation error detected: Value at 'DeviceId' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]+" });
    expect(await awsFailure(other.client.send(new GetMobileDeviceAccessOverrideCommand({ OrganizationId: org.organizationId, UserId: userId, DeviceId: 'abc' })))).toMatchObject({
      name: 'OrganizationNotFoundException',
    });
  });
});

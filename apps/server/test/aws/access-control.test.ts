import {
  CreateUserCommand,
  DeleteAccessControlRuleCommand,
  GetAccessControlEffectCommand,
  ListAccessControlRulesCommand,
  PutAccessControlRuleCommand,
} from '@aws-sdk/client-workmail';
import { MAX_ACCESS_CONTROL_RULES } from '@mailyard/core/access-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let other: AwsTenant;
let organizationId: string;
let userId: string;
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  other = await awsTenant(deps, server.url);
  ({ organizationId } = await activeOrganization(tenant.client));
  userId = (await tenant.client.send(new CreateUserCommand({ OrganizationId: organizationId, Name: 'ada', DisplayName: 'Ada' }))).UserId!;
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const rules = async (id = organizationId) => (await tenant.client.send(new ListAccessControlRulesCommand({ OrganizationId: id }))).Rules!;
const effect = (IpAddress: string, Action = 'IMAP') =>
  tenant.client.send(new GetAccessControlEffectCommand({ OrganizationId: organizationId, IpAddress, Action, UserId: userId }));

describe('access control rules through the AWS SDK', () => {
  it("lists the default rule as WorkMail does, puts, replaces by name, evaluates and deletes", async () => {
    expect(await rules()).toEqual([
      { Name: 'default', Effect: 'ALLOW', Description: expect.any(String), DateCreated: expect.any(Date), DateModified: expect.any(Date) },
    ]);
    expect(await effect('192.0.2.1')).toMatchObject({ Effect: 'ALLOW', MatchedRules: ['default'] });

    await tenant.client.send(
      new PutAccessControlRuleCommand({
        OrganizationId: organizationId,
        Name: 'office-only',
        Effect: 'DENY',
        Description: 'IMAP from the office only',
        NotIpRanges: ['192.0.2.0/24'],
        Actions: ['IMAP', 'SMTP'],
        UserIds: [userId],
      }),
    );
    expect(await effect('198.51.100.7')).toMatchObject({ Effect: 'DENY', MatchedRules: ['office-only'] });
    expect(await effect('192.0.2.200')).toMatchObject({ Effect: 'ALLOW', MatchedRules: ['default'] });
    expect(await effect('198.51.100.7', 'WebMail')).toMatchObject({ Effect: 'ALLOW' });
    const [, put] = await rules();
    expect(put).toEqual({
      Name: 'office-only',
      Effect: 'DENY',
      Description: 'IMAP from the office only',
      NotIpRanges: ['192.0.2.0/24'],
      Actions: ['IMAP', 'SMTP'],
      UserIds: [userId],
      DateCreated: expect.any(Date),
      DateModified: expect.any(Date),
    });

    // The same name replaces the rule: its creation date stays.
    await tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'office-only', Effect: 'ALLOW', Description: 'now allows' }));
    const [, replaced] = await rules();
    expect(replaced).toEqual({ Name: 'office-only', Effect: 'ALLOW', Description: 'now allows', DateCreated: put!.DateCreated, DateModified: expect.any(Date) });
    expect(await effect('198.51.100.7')).toMatchObject({ Effect: 'ALLOW', MatchedRules: ['default', 'office-only'] });

    await tenant.client.send(new DeleteAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'office-only' }));
    // Deleting a rule that is not there succeeds, as WorkMail documents.
    await tenant.client.send(new DeleteAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'office-only' }));
    expect((await rules()).map((r) => r.Name)).toEqual(['default']);
  });

  it(`answers LimitExceededException for a rule beyond ${MAX_ACCESS_CONTROL_RULES}`, async () => {
    const { organizationId: full } = await activeOrganization(tenant.client);
    for (let i = 1; i < MAX_ACCESS_CONTROL_RULES; i++) {
      await tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: full, Name: `r${i}`, Effect: 'DENY', Description: 'x', Actions: ['EWS'] }));
    }
    const refused = await awsFailure(tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: full, Name: 'one-more', Effect: 'DENY', Description: 'x' })));
    expect(refused).toMatchObject({ name: 'LimitExceededException', status: 400, fault: 'client' });
    expect(refused.message).toContain(`at most ${MAX_ACCESS_CONTROL_RULES}`);
    // Replacing one at the limit is no new rule.
    await tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: full, Name: 'r1', Effect: 'ALLOW', Description: 'x' }));
    expect(await rules(full)).toHaveLength(MAX_ACCESS_CONTROL_RULES);
  });

  it('answers InvalidParameterException naming the member, with the model’s constraints', async () => {
    const put = (extra: object) =>
      awsFailure(tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'r', Effect: 'DENY', Description: 'd', ...extra })));
    const cases: [object, string][] = [
      [{ Name: 'with space' }, "Value at 'Name' failed to satisfy constraint: Member must satisfy regular expression pattern"],
      [{ Effect: 'MAYBE' }, "Value at 'Effect' failed to satisfy constraint: Member must satisfy enum value set: [ALLOW, DENY]"],
      [{ Description: 'x'.repeat(256) }, "Value at 'Description' failed to satisfy constraint: Member must have length less than or equal to 255"],
      [{ IpRanges: ['10.0.0.0/33'] }, "Value at 'IpRanges.0' failed to satisfy constraint: Member must satisfy regular expression pattern"],
      [{ NotIpRanges: ['2001:db8::/32'] }, "Value at 'NotIpRanges.0' failed to satisfy constraint"],
      [{ Actions: ['Telnet'] }, "Value at 'Actions.0' failed to satisfy constraint: Action must be one of ActiveSync, AutoDiscover, EWS, IMAP, SMTP, WindowsOutlook, WebMail."],
      [{ NotActions: Array(11).fill('IMAP') }, "Value at 'NotActions' failed to satisfy constraint: Member must have length less than or equal to 10"],
    ];
    for (const [extra, message] of cases) {
      const refused = await put(extra);
      expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400 });
      expect(refused.message).toContain(message);
    }
    const ask = (input: object) =>
      awsFailure(tenant.client.send(new GetAccessControlEffectCommand({ OrganizationId: organizationId, IpAddress: '192.0.2.1', Action: 'IMAP', ...input })));
    expect(await ask({ UserId: userId, IpAddress: '192.0.2.256' })).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("'IpAddress'") });
    expect(await ask({ UserId: userId, Action: 'Telnet' })).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("'Action'") });
    expect(await ask({})).toMatchObject({ name: 'InvalidParameterException', message: 'You must provide either the user ID or impersonation role ID.' });
    expect((await rules()).map((r) => r.Name)).toEqual(['default']);
  });

  it('answers EntityNotFoundException for users that are not the organization’s, ResourceNotFoundException for impersonation roles', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const extra of [{ UserIds: [unknown] }, { NotUserIds: ['S-1-1-11-1111111111-2222222222-3333333333-3333'] }]) {
      const refused = await awsFailure(
        tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'r', Effect: 'DENY', Description: 'd', ...extra })),
      );
      expect(refused).toMatchObject({ name: 'EntityNotFoundException', status: 400 });
    }
    expect(
      await awsFailure(tenant.client.send(new GetAccessControlEffectCommand({ OrganizationId: organizationId, IpAddress: '192.0.2.1', Action: 'IMAP', UserId: unknown }))),
    ).toMatchObject({ name: 'EntityNotFoundException' });
    expect(
      await awsFailure(
        tenant.client.send(new PutAccessControlRuleCommand({ OrganizationId: organizationId, Name: 'r', Effect: 'DENY', Description: 'd', ImpersonationRoleIds: ['role-1'] })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(
      await awsFailure(
        tenant.client.send(new GetAccessControlEffectCommand({ OrganizationId: organizationId, IpAddress: '192.0.2.1', Action: 'EWS', ImpersonationRoleId: 'role-1' })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await rules()).map((r) => r.Name)).toEqual(['default']);
  });

  it("answers OrganizationNotFoundException for another account's organization or an unknown one", async () => {
    for (const [client, id] of [
      [other.client, organizationId],
      [tenant.client, `m-${'0'.repeat(32)}`],
    ] as const) {
      for (const call of [
        () => client.send(new ListAccessControlRulesCommand({ OrganizationId: id })),
        () => client.send(new PutAccessControlRuleCommand({ OrganizationId: id, Name: 'x', Effect: 'DENY', Description: 'x' })),
        () => client.send(new DeleteAccessControlRuleCommand({ OrganizationId: id, Name: 'default' })),
        () => client.send(new GetAccessControlEffectCommand({ OrganizationId: id, IpAddress: '192.0.2.1', Action: 'IMAP', UserId: userId })),
      ]) {
        expect(await awsFailure(call())).toMatchObject({ name: 'OrganizationNotFoundException', status: 400 });
      }
    }
    expect((await rules()).map((r) => r.Name)).toEqual(['default']);
  });
});

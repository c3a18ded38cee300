import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsTenant, uniqueAlias, type AwsTenant } from '../support/aws.ts';

/**
 * The AWS CLI v2 (Debian's `awscli`, botocore inside): a second, independent SDK signing and parsing on its own.
 * Installed by scripts/install-system-packages.sh; AWS_CLI points elsewhere if needed.
 */
const AWS_CLI = process.env.AWS_CLI ?? '/usr/bin/aws';
const run = promisify(execFile);
/** Each CLI start costs a Python interpreter (about a second, several on a busy machine). */
const CLI_TEST_TIMEOUT_MS = 240_000;

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`The AWS CLI v2 is not at ${AWS_CLI}: run scripts/install-system-packages.sh (apt-get install -y awscli) or set AWS_CLI.`);
  // Domain checks ask a closed local port (answered at once as unreachable): these tests need no DNS.
  deps = await createTestDeps({ MAILYARD_DNS_SERVERS: '127.0.0.1:9' });
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

/** Runs `aws workmail <args>` against the test server with only this tenant's credentials in its environment. */
async function workmail(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(AWS_CLI, ['workmail', ...args, '--endpoint-url', `${server.url}/aws`, '--no-cli-pager', '--output', 'json'], {
    env: {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: tenant.accessKeyId,
      AWS_SECRET_ACCESS_KEY: tenant.secretAccessKey,
      AWS_DEFAULT_REGION: deps.config.MAILYARD_REGION,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    },
  });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

/** The CLI's exit status and stderr of a refused call. */
async function refused(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await workmail(...args);
  } catch (e) {
    const error = e as { code: number; stderr: string };
    return { code: error.code, stderr: error.stderr };
  }
  throw new Error('expected the command to fail');
}

describe('the AWS CLI v2', () => {
  it('creates and describes an organization, creates, registers and lists users, and refuses a weak password', async () => {
    const alias = uniqueAlias('cli');
    const { OrganizationId } = (await workmail('create-organization', '--alias', alias)) as { OrganizationId: string };
    expect(OrganizationId).toMatch(/^m-[0-9a-f]{32}$/);

    let org: Record<string, unknown> = {};
    for (let i = 0; i < 100 && org.State !== 'Active'; i++) {
      org = await workmail('describe-organization', '--organization-id', OrganizationId);
      if (org.State !== 'Active') await new Promise((r) => setTimeout(r, 100));
    }
    expect(org).toMatchObject({ OrganizationId, Alias: alias, State: 'Active', DefaultMailDomain: `${alias}.mailyard.test` });
    expect(typeof org.CompletedDate).toBe('string'); // the CLI prints timestamps it parsed from epoch seconds

    const names = ['ana', 'ben', 'cy'];
    const ids: string[] = [];
    for (const name of names) {
      const { UserId } = (await workmail('create-user', '--organization-id', OrganizationId, '--name', name, '--display-name', name.toUpperCase(), '--password', 'Str0ng!Passw0rd')) as {
        UserId: string;
      };
      ids.push(UserId);
    }
    // CLI 2.9's bundled model still types this EntityId as an id (at least 12 characters) and checks it locally.
    await workmail('register-to-work-mail', '--organization-id', OrganizationId, '--entity-id', ids[0]!, '--email', `ana@${alias}.mailyard.test`);

    // --page-size 1: the CLI follows NextToken across all four pages by itself.
    const { Users } = (await workmail('list-users', '--organization-id', OrganizationId, '--page-size', '1')) as { Users: { Name: string; State: string; Email?: string }[] };
    expect(Users.map((u) => u.Name).sort()).toEqual([...names, 'postmaster'].sort());
    expect(Users.find((u) => u.Name === 'ana')).toMatchObject({ State: 'ENABLED', Email: `ana@${alias}.mailyard.test` });

    const weak = await refused('reset-password', '--organization-id', OrganizationId, '--user-id', ids[1]!, '--password', 'weakpassword');
    expect(weak.code).toBe(254);
    expect(weak.stderr).toMatch(/An error occurred \(InvalidPasswordException\) when calling the ResetPassword operation.*: The password does not meet the password policy\. .*at least 3 of these 5 groups/);
    await workmail('reset-password', '--organization-id', OrganizationId, '--user-id', ids[1]!, '--password', 'N3w!Passw0rd');

    // One store: what the CLI did is what the console sees.
    const viaTrpc = await callerFor(deps, tenant.op.actor).users.get({ organizationId: OrganizationId, userId: ids[0]! });
    expect(viaTrpc).toMatchObject({ name: 'ana', state: 'ENABLED', email: `ana@${alias}.mailyard.test` });
  }, CLI_TEST_TIMEOUT_MS);

  it('creates an organization with its own domain and manages domains: register, get, list, default, deregister', async () => {
    const alias = uniqueAlias('cli');
    const own = `${alias}.example.com`;
    const { OrganizationId } = (await workmail('create-organization', '--alias', alias, '--domains', `DomainName=${own}`)) as { OrganizationId: string };
    let org: Record<string, unknown> = {};
    for (let i = 0; i < 100 && org.State !== 'Active'; i++) {
      org = await workmail('describe-organization', '--organization-id', OrganizationId);
      if (org.State !== 'Active') await new Promise((r) => setTimeout(r, 100));
    }
    const added = `mail.${alias}.example.com`;
    expect(await workmail('register-mail-domain', '--organization-id', OrganizationId, '--domain-name', added)).toEqual({});
    const got = await workmail('get-mail-domain', '--organization-id', OrganizationId, '--domain-name', added);
    expect(got).toMatchObject({ IsTestDomain: false, IsDefault: false, OwnershipVerificationStatus: 'PENDING', DkimVerificationStatus: 'PENDING' });
    expect((got.Records as { Type: string; Hostname: string }[])[0]).toMatchObject({ Type: 'TXT', Hostname: `_mailyard.${added}` });
    const { MailDomains } = (await workmail('list-mail-domains', '--organization-id', OrganizationId)) as { MailDomains: { DomainName: string; DefaultDomain: boolean }[] };
    expect(MailDomains.map((d) => d.DomainName).sort()).toEqual([`${alias}.mailyard.test`, added, own].sort());
    const unverified = await refused('update-default-mail-domain', '--organization-id', OrganizationId, '--domain-name', added);
    expect(unverified.stderr).toMatch(/\(MailDomainStateException\) when calling the UpdateDefaultMailDomain operation.*is not verified yet/);
    const test = await refused('deregister-mail-domain', '--organization-id', OrganizationId, '--domain-name', `${alias}.mailyard.test`);
    expect(test.stderr).toMatch(/\(InvalidParameterException\) when calling the DeregisterMailDomain operation.*free test domain/);
    expect(await workmail('deregister-mail-domain', '--organization-id', OrganizationId, '--domain-name', added)).toEqual({});
    const publicSuffix = await refused('register-mail-domain', '--organization-id', OrganizationId, '--domain-name', 'co.uk');
    expect(publicSuffix.stderr).toMatch(/\(InvalidParameterException\).*Value at 'DomainName'.*public suffix/);
  }, CLI_TEST_TIMEOUT_MS);

  it('creates, updates and lists resources and their delegates, and refuses a taken name', async () => {
    const { organizationId: OrganizationId } = await activeOrganization(tenant.client);
    const ids: string[] = [];
    for (const [name, type] of [['hall', 'ROOM'], ['beamer', 'EQUIPMENT'], ['atrium', 'ROOM']]) {
      const { ResourceId } = (await workmail('create-resource', '--organization-id', OrganizationId, '--name', name!, '--type', type!)) as { ResourceId: string };
      ids.push(ResourceId);
    }
    const { UserId } = (await workmail('create-user', '--organization-id', OrganizationId, '--name', 'dana', '--display-name', 'Dana', '--password', 'Str0ng!Passw0rd')) as {
      UserId: string;
    };
    // CLI 2.9's bundled model types these as ids (ResourceId of 34 characters) and checks them locally.
    await workmail('associate-delegate-to-resource', '--organization-id', OrganizationId, '--resource-id', ids[0]!, '--entity-id', UserId);
    // CLI 2.9's model has no Description on UpdateResource yet.
    const booking = 'AutoAcceptRequests=false,AutoDeclineRecurringRequests=true,AutoDeclineConflictingRequests=true';
    await workmail('update-resource', '--organization-id', OrganizationId, '--resource-id', ids[0]!, '--booking-options', booking);
    expect(await workmail('describe-resource', '--organization-id', OrganizationId, '--resource-id', ids[0]!)).toMatchObject({
      ResourceId: ids[0],
      Name: 'hall',
      Type: 'ROOM',
      State: 'DISABLED',
      BookingOptions: { AutoAcceptRequests: false, AutoDeclineRecurringRequests: true, AutoDeclineConflictingRequests: true },
    });
    // --page-size 1: the CLI follows NextToken across the three pages by itself.
    const { Resources } = (await workmail('list-resources', '--organization-id', OrganizationId, '--page-size', '1')) as { Resources: { Name: string; Type: string }[] };
    expect(Resources.map((r) => r.Name)).toEqual(['atrium', 'beamer', 'hall']);
    const { Delegates } = (await workmail('list-resource-delegates', '--organization-id', OrganizationId, '--resource-id', ids[0]!)) as { Delegates: { Type: string }[] };
    expect(Delegates).toEqual([{ Id: UserId, Type: 'USER' }]);

    const taken = await refused('create-group', '--organization-id', OrganizationId, '--name', 'HALL');
    expect(taken.stderr).toMatch(/An error occurred \(NameAvailabilityException\) when calling the CreateGroup operation.*the resource "hall"/);
  }, CLI_TEST_TIMEOUT_MS);

  it('manages access control rules, mobile device access rules and overrides, and tags', async () => {
    const { organizationId: OrganizationId } = await activeOrganization(tenant.client);
    const org = ['--organization-id', OrganizationId];
    const { UserId } = (await workmail('create-user', ...org, '--name', 'eli', '--display-name', 'Eli', '--password', 'Str0ng!Passw0rd')) as { UserId: string };

    await workmail('put-access-control-rule', ...org, '--name', 'no-imap-from-lab', '--effect', 'DENY', '--description', 'The lab', '--ip-ranges', '10.0.0.0/8', '--actions', 'IMAP');
    expect(await workmail('get-access-control-effect', ...org, '--ip-address', '10.1.2.3', '--action', 'IMAP', '--user-id', UserId)).toEqual({
      Effect: 'DENY',
      MatchedRules: ['no-imap-from-lab'],
    });
    expect(await workmail('get-access-control-effect', ...org, '--ip-address', '192.0.2.1', '--action', 'IMAP', '--user-id', UserId)).toMatchObject({ Effect: 'ALLOW' });
    const { Rules } = (await workmail('list-access-control-rules', ...org)) as { Rules: { Name: string; Effect: string }[] };
    expect(Rules.map((r) => [r.Name, r.Effect]).sort()).toEqual([['default', 'ALLOW'], ['no-imap-from-lab', 'DENY']]);
    await workmail('delete-access-control-rule', ...org, '--name', 'no-imap-from-lab');
    expect(await workmail('get-access-control-effect', ...org, '--ip-address', '10.1.2.3', '--action', 'IMAP', '--user-id', UserId)).toMatchObject({ Effect: 'ALLOW' });

    const { MobileDeviceAccessRuleId } = (await workmail('create-mobile-device-access-rule', ...org, '--name', 'block-android', '--effect', 'DENY', '--device-types', 'Android')) as {
      MobileDeviceAccessRuleId: string;
    };
    expect(await workmail('get-mobile-device-access-effect', ...org, '--device-type', 'android')).toEqual({
      Effect: 'DENY',
      MatchedRules: [{ MobileDeviceAccessRuleId, Name: 'block-android' }],
    });
    await workmail('put-mobile-device-access-override', ...org, '--user-id', UserId, '--device-id', 'pixel8a', '--effect', 'ALLOW');
    expect(await workmail('list-mobile-device-access-overrides', ...org, '--user-id', UserId)).toMatchObject({
      Overrides: [{ UserId, DeviceId: 'pixel8a', Effect: 'ALLOW' }],
    });
    await workmail('delete-mobile-device-access-rule', ...org, '--mobile-device-access-rule-id', MobileDeviceAccessRuleId);
    const { Rules: deviceRules } = (await workmail('list-mobile-device-access-rules', ...org)) as { Rules: { Name: string }[] };
    expect(deviceRules.map((r) => r.Name)).not.toContain('block-android');

    const { ARN } = (await workmail('describe-organization', ...org)) as { ARN: string };
    await workmail('tag-resource', '--resource-arn', ARN, '--tags', 'Key=team,Value=mail', 'Key=cost-centre,Value=42');
    expect(await workmail('list-tags-for-resource', '--resource-arn', ARN)).toEqual({
      Tags: expect.arrayContaining([{ Key: 'team', Value: 'mail' }, { Key: 'cost-centre', Value: '42' }]),
    });
    await workmail('untag-resource', '--resource-arn', ARN, '--tag-keys', 'team');
    expect(await workmail('list-tags-for-resource', '--resource-arn', ARN)).toEqual({ Tags: [{ Key: 'cost-centre', Value: '42' }] });
  }, CLI_TEST_TIMEOUT_MS);

  it('reports AWS’s error for a wrong secret', async () => {
    const secret = tenant.secretAccessKey;
    tenant.secretAccessKey = 'x'.repeat(40);
    try {
      const error = await refused('list-organizations');
      expect(error.stderr).toMatch(/\(InvalidSignatureException\)/);
    } finally {
      tenant.secretAccessKey = secret;
    }
  }, CLI_TEST_TIMEOUT_MS);
});

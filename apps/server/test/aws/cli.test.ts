import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { awsTenant, uniqueAlias, type AwsTenant } from '../support/aws.ts';

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

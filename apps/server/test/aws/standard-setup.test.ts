import {
  CreateOrganizationCommand,
  DescribeOrganizationCommand,
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOrganization, awsFailure, awsTenant, uniqueAlias, type AwsTenant } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { directoryLdif, passwordOf } from '../support/directory-seed.ts';
import { activeDirectorySettings } from '../support/directories.ts';
import { failure } from '../support/errors.ts';
import { portalBrowser } from '../support/portal.ts';
import { startSlapd, type RunningSlapd } from '../support/slapd.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Standard setup through `/aws` with the real AWS SDK, on the Active Directory preset: CreateOrganization takes a
 * registered directory's `DirectoryId`, the first sync maps the AD-shaped subtree (sAMAccountName, objectGUID, member),
 * an AD user signs in with the directory password, and a directory serves one organization (DirectoryInUse). A real
 * slapd, a real server.
 */
let deps: TestDeps;
let slapd: RunningSlapd;
let server: TestServer;
let tenant: AwsTenant;
let directoryId = '';
let organizationId = '';
let domain = '';

beforeAll(async () => {
  [deps, slapd] = await Promise.all([createTestDeps(), startSlapd(directoryLdif(10))]);
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  // WorkMail's directories come from AWS Directory Service, which has no counterpart in its API: registered in the console.
  ({ id: directoryId } = await callerFor(deps, tenant.op.actor).directories.register({ name: 'Corp AD', ...activeDirectorySettings(slapd.url) }));
  ({ organizationId, domain } = await activeOrganization(tenant.client, uniqueAlias('ad'), directoryId));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await slapd?.close();
  await deps?.database.drop();
});

describe('CreateOrganization with a DirectoryId (Active Directory preset)', () => {
  it('describes the organization on its directory', async () => {
    const org = await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }));
    expect(org).toMatchObject({ State: 'Active', DirectoryId: directoryId, DefaultMailDomain: domain });
    expect(org.DirectoryType).not.toBe('WorkMailDirectory');
  });

  it('synchronised the AD users by sAMAccountName, disabled until enabled, and the group with its members', async () => {
    const { Users = [] } = await tenant.client.send(new ListUsersCommand({ OrganizationId: organizationId }));
    const fromAd = Users.filter((u) => ['jdoe', 'asmith', 'bjones'].includes(u.Name!));
    expect(fromAd.map((u) => [u.Name, u.DisplayName, u.State]).sort()).toEqual([
      ['asmith', 'asmith (AD)', 'DISABLED'],
      ['bjones', 'bjones (AD)', 'DISABLED'],
      ['jdoe', 'jdoe (AD)', 'DISABLED'],
    ]);
    const { Groups = [] } = await tenant.client.send(new ListGroupsCommand({ OrganizationId: organizationId }));
    const mailUsers = Groups.find((g) => g.Name === 'MailUsers');
    expect(mailUsers).toBeDefined();
    const { Members = [] } = await tenant.client.send(new ListGroupMembersCommand({ OrganizationId: organizationId, GroupId: mailUsers!.Id }));
    expect(Members.map((m) => m.Name).sort()).toEqual(['asmith', 'bjones', 'jdoe']);
  });

  it('signs an AD user in to the portal with the directory password once enabled', async () => {
    const caller = callerFor(deps, tenant.op.actor);
    const { items } = await caller.users.list({ organizationId, search: 'jdoe' });
    const email = `jdoe@${domain}`;
    await caller.users.enable({ organizationId, users: [{ userId: items[0]!.id, email }] });
    expect(await failure(portalBrowser(deps, { ip: '10.9.1.1' }).portal.signIn({ email, password: 'Not-the-password-1' }))).toMatchObject({ domainCode: 'AUTH.INVALID_CREDENTIALS' });
    const browser = portalBrowser(deps, { ip: '10.9.1.1' });
    await browser.portal.signIn({ email, password: passwordOf('jdoe') });
    expect(await browser.portal.me()).toMatchObject({ name: 'jdoe' });
  });

  it('refuses a directory another organization uses (DirectoryInUseException) and one that does not exist (DirectoryUnavailableException)', async () => {
    const inUse = await awsFailure(tenant.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias('twice'), DirectoryId: directoryId })));
    expect(inUse).toMatchObject({ name: 'DirectoryInUseException', status: 400 });
    expect(inUse.message).toContain(directoryId);
    const unknown = await awsFailure(tenant.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias('none'), DirectoryId: 'd-0000000000' })));
    expect(unknown).toMatchObject({ name: 'DirectoryUnavailableException', status: 400 });
  });
});

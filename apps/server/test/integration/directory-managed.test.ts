import { CreateUserCommand, DeleteUserCommand, ResetPasswordCommand, UpdateUserCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attribute, Change } from 'ldapts';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { directoryLdif, passwordOf, userDn } from '../support/directory-seed.ts';
import { activeSync } from '../support/activesync.ts';
import { createDirectoryOrganization, replaceAttribute } from '../support/directories.ts';
import { failure } from '../support/errors.ts';
import { portalBrowser } from '../support/portal.ts';
import { startSlapd, type RunningSlapd } from '../support/slapd.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Directory users are read-only where the directory owns the value (names, personal details, password, existence), on
 * tRPC and `/aws` (the real AWS SDK), while what Mailyard owns (enable with an address, quota, hiding, disable) still
 * works; a user of the built-in directory is not affected. A real slapd, a real server.
 */
let deps: TestDeps;
let slapd: RunningSlapd;
let server: TestServer;
let tenant: AwsTenant;
let organizationId = '';
let domain = '';
let users: Record<string, string> = {};

beforeAll(async () => {
  [deps, slapd] = await Promise.all([createTestDeps(), startSlapd(directoryLdif(10))]);
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  ({ organizationId, domain, userIds: users } = await createDirectoryOrganization(deps, tenant.op.actor, slapd, 'ro'));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await slapd?.close();
  await deps?.database.drop();
});

const managed = { domainCode: 'DIRECTORY.MANAGED', message: expect.stringMatching(/comes from the directory "Corp Directory": .* with the directory's own tools/) };

describe('directory users are read-only where the directory owns the value', () => {
  it('refuses names, personal details, password and deletion on tRPC, and allows what Mailyard owns', async () => {
    const caller = callerFor(deps, tenant.op.actor);
    const userId = users['user001']!;
    const ref = { organizationId, userId };

    expect(await failure(caller.users.updateDetails({ ...ref, displayName: 'Someone Else' }))).toMatchObject(managed);
    expect(await failure(caller.users.updateDetails({ ...ref, jobTitle: 'Boss' }))).toMatchObject(managed);
    expect(await failure(caller.users.rename({ ...ref, name: 'renamed' }))).toMatchObject(managed);
    expect(await failure(caller.users.resetPassword({ ...ref, password: 'Correct-Horse-9', repeatPassword: 'Correct-Horse-9' }))).toMatchObject(managed);
    expect(await failure(caller.users.delete(ref))).toMatchObject({ domainCode: 'DIRECTORY.MANAGED' });
    const email = `user001@${domain}`;
    expect(await failure(caller.users.enable({ organizationId, users: [{ userId, email, password: 'Correct-Horse-9', repeatPassword: 'Correct-Horse-9' }] }))).toMatchObject(managed);

    // What Mailyard owns: the address and mailbox (Enable without a password), quota, hiding, disable.
    await caller.users.enable({ organizationId, users: [{ userId, email }] });
    await caller.mailboxes.updateQuota({ ...ref, quotaMb: 2048 });
    await caller.users.updateDetails({ ...ref, hiddenFromGlobalAddressList: true });
    const user = await caller.users.get(ref);
    expect(user).toMatchObject({ state: 'ENABLED', email, fromDirectory: true, hasPassword: false, hiddenFromGlobalAddressList: true, displayName: expect.stringMatching(/^User /) });
    expect(user.mailbox?.quotaMb).toBe(2048);
    await caller.users.disable({ organizationId, userIds: [userId] });
    expect((await caller.users.get(ref)).state).toBe('DISABLED');

    // A user of the organization that is not from the directory (its system user) keeps the usual rules.
    const { items } = await caller.users.list({ organizationId, search: 'postmaster' });
    expect(items[0]).toMatchObject({ fromDirectory: false });
  });

  it('answers UnsupportedOperationException on /aws UpdateUser, ResetPassword and DeleteUser', async () => {
    const { client } = tenant;
    const UserId = users['user002']!;
    for (const call of [
      () => client.send(new UpdateUserCommand({ OrganizationId: organizationId, UserId, DisplayName: 'Changed' })),
      () => client.send(new ResetPasswordCommand({ OrganizationId: organizationId, UserId, Password: 'Correct-Horse-9' })),
      () => client.send(new DeleteUserCommand({ OrganizationId: organizationId, UserId })),
    ]) {
      const error = await awsFailure(call());
      expect(error).toMatchObject({ name: 'UnsupportedOperationException', status: 400 });
      expect(error.message).toContain('Corp Directory');
    }
    // A Quick setup organization's users are not refused.
    const quick = await activeOrganization(client);
    const { UserId: plain } = await client.send(new CreateUserCommand({ OrganizationId: quick.organizationId, Name: 'plain', DisplayName: 'Plain' }));
    await client.send(new UpdateUserCommand({ OrganizationId: quick.organizationId, UserId: plain, DisplayName: 'Changed' }));
    await client.send(new ResetPasswordCommand({ OrganizationId: quick.organizationId, UserId: plain, Password: 'Correct-Horse-9' }));
  });

  it('signs a directory user in to the portal with the directory password (an LDAP bind), and a wrong one is refused as any', async () => {
    const caller = callerFor(deps, tenant.op.actor);
    const userId = users['user003']!;
    const email = `user003@${domain}`;
    await caller.users.enable({ organizationId, users: [{ userId, email }] });
    const wrong = await failure(portalBrowser(deps, { ip: '10.9.0.1' }).portal.signIn({ email, password: 'Not-the-password-1' }));
    expect(wrong).toMatchObject({ domainCode: 'AUTH.INVALID_CREDENTIALS' });
    const browser = portalBrowser(deps, { ip: '10.9.0.1' });
    await browser.portal.signIn({ email, password: passwordOf('user003') });
    expect(await browser.portal.me()).toMatchObject({ name: 'user003' });
    // Mailyard stored no password: the directory's is the only one.
    expect((await caller.users.get({ organizationId, userId })).hasPassword).toBe(false);
    // A changed password in the directory is the one that works at once.
    await slapd.admin((client) => client.modify(`uid=user003,ou=people,dc=example,dc=org`, new Change({ operation: 'replace', modification: new Attribute({ type: 'userPassword', values: ['Rotated-Pass-7'] }) })));
    expect(await failure(portalBrowser(deps, { ip: '10.9.0.2' }).portal.signIn({ email, password: passwordOf('user003') }))).toMatchObject({ domainCode: 'AUTH.INVALID_CREDENTIALS' });
    await portalBrowser(deps, { ip: '10.9.0.2' }).portal.signIn({ email, password: 'Rotated-Pass-7' });
  });

  it('syncs a directory user\'s phone with the directory password, and a password rotated in the directory at once', async () => {
    const caller = callerFor(deps, tenant.op.actor);
    const address = `user004@${domain}`;
    await caller.users.enable({ organizationId, users: [{ userId: users['user004']!, email: address }] });
    const sync = (password: string) => activeSync(server.url, { address, password, deviceId: 'DirPhone004' });
    expect(await sync(passwordOf('user004'))).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await sync('Not-the-password-1')).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_CREDENTIALS' } });
    // The device endpoint's verified-password cache keeps stored hashes only: the directory is asked every time.
    await replaceAttribute(slapd, userDn('user004'), 'userPassword', 'Rotated-Pass-8');
    expect(await sync(passwordOf('user004'))).toMatchObject({ status: 401 });
    expect(await sync('Rotated-Pass-8')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD } from '../support/users.ts';
import { canSignIn, submit } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * Access control rules at the mail servers, with Debian's Dovecot and Postfix on the deploy/ configuration: Dovecot's
 * passdb asks mailserver.v1_login_allowed with its service (imap; smtp for Postfix's submissions, SASL through
 * Dovecot) and the client's address, so a sign-in a rule denies fails like a wrong password, at once.
 */
let deps: TestDeps;
let op: TestOperator;
let stack: MailStack;
let organizationId: string;
let address: string;
let domain: string;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  ({ organizationId, domain } = await createActiveOrganization(deps, op.actor));
  const { name } = await createEnabledUser(deps, op.actor, organizationId);
  address = `${name}@${domain}`;
  stack = await startMailStack(deps.database.url);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await deps.database.drop();
});

const rules = () => callerFor(deps, op.actor).accessRules;
const imap = () => canSignIn(stack, address, PASSWORD);
const submission = () => submit(stack, { user: address, pass: PASSWORD }, { from: address, to: address, subject: 'rules' });

describe('Dovecot and Postfix ask the access control rules', () => {
  it('refuses an IMAP login from 127.0.0.1 that a rule denies, and accepts it once the rule is deleted', async () => {
    expect(await imap()).toBe(true);
    await rules().put({ organizationId, name: 'no-imap-from-loopback', effect: 'DENY', actions: ['IMAP'], ipRanges: ['127.0.0.0/8'] });
    expect(await imap()).toBe(false);
    // The rule is on IMAP only: submission still signs in.
    await expect(submission()).resolves.toMatchObject({ accepted: [address] });
    await rules().delete({ organizationId, name: 'no-imap-from-loopback' });
    expect(await imap()).toBe(true);
  });

  it('refuses a submission sign-in (SMTP) that a rule denies', async () => {
    await rules().put({ organizationId, name: 'no-smtp', effect: 'DENY', actions: ['SMTP'] });
    await expect(submission()).rejects.toMatchObject({ responseCode: 535 });
    expect(await imap()).toBe(true);
    await rules().delete({ organizationId, name: 'no-smtp' });
    await expect(submission()).resolves.toMatchObject({ accepted: [address] });
  });

  it('lets a rule that denies everything outside a range through from inside it, and denies all once nothing allows', async () => {
    await rules().put({ organizationId, name: 'office-only', effect: 'DENY', notIpRanges: ['127.0.0.0/8'] });
    expect(await imap()).toBe(true);
    await rules().put({ organizationId, name: 'office-only', effect: 'DENY', notIpRanges: ['192.0.2.0/24'] });
    expect(await imap()).toBe(false);
    await rules().delete({ organizationId, name: 'office-only' });
    await rules().delete({ organizationId, name: 'default' });
    expect(await imap()).toBe(false);
    await rules().put({ organizationId, name: 'default', effect: 'ALLOW' });
    expect(await imap()).toBe(true);
  });

  it('refuses a full-access sign-in (mailbox*grantee) when the rules deny the grantee', async () => {
    const grantee = await createEnabledUser(deps, op.actor, organizationId);
    const granteeAddress = `${grantee.name}@${domain}`;
    const owner = (await callerFor(deps, op.actor).users.list({ organizationId, search: address.split('@')[0]!, limit: 1 })).items[0]!;
    await callerFor(deps, op.actor).permissions.put({ organizationId, mailboxUserId: owner.id, granteeId: grantee.userId, permissions: ['FULL_ACCESS'] });
    const opens = () => canSignIn(stack, `${address}*${granteeAddress}`, PASSWORD);
    expect(await opens()).toBe(true);
    await rules().put({ organizationId, name: 'no-imap-for-grantee', effect: 'DENY', actions: ['IMAP'], userIds: [grantee.userId] });
    expect(await opens()).toBe(false);
    // The owner is not denied: only the person signing in.
    expect(await imap()).toBe(true);
    await rules().delete({ organizationId, name: 'no-imap-for-grantee' });
    expect(await opens()).toBe(true);
  });
});

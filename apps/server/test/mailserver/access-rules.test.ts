import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { canSignIn, readInbox, submit } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Access control rules at the mail servers, with Debian's Dovecot and Postfix on the deploy/ configuration: Dovecot's
 * passdb asks mailserver.v1_login_allowed with its service (imap; smtp for Postfix's submissions, SASL through
 * Dovecot) and the client's address, so a sign-in a rule denies fails like a wrong password, at once. The person's
 * address is on the organization's own verified domain.
 */
let org: MailOrganization;
let organizationId: string;
let person: { userId: string; address: string };
beforeAll(async () => {
  org = await startMailOrganization({ customDomain: true });
  organizationId = org.organizationId;
  person = await org.person();
}, 180_000);
afterAll(() => org?.stop());

const rules = () => org.caller().accessRules;
const imap = () => canSignIn(org.stack, person.address, PASSWORD);
const submission = () => submit(org.stack, { user: person.address, pass: PASSWORD }, { from: person.address, to: person.address, subject: uniqueName('rules-') });

describe('Dovecot and Postfix ask the access control rules', () => {
  it('refuses an IMAP login from 127.0.0.1 that a rule denies, and accepts it once the rule is deleted', async () => {
    expect(await imap()).toBe(true);
    await rules().put({ organizationId, name: 'no-imap-from-loopback', effect: 'DENY', actions: ['IMAP'], ipRanges: ['127.0.0.0/8'] });
    const denied = performance.now();
    expect(await imap()).toBe(false);
    console.log(`[mailflow] access rule denying IMAP put through the API → the next IMAP sign-in refused (answered after ${(performance.now() - denied).toFixed(0)} ms, Dovecot's failure delay included)`);
    // The rule is on IMAP only: submission still signs in.
    await expect(submission()).resolves.toMatchObject({ accepted: [person.address] });
    await rules().delete({ organizationId, name: 'no-imap-from-loopback' });
    expect(await imap()).toBe(true);
  });

  it('refuses a submission sign-in (SMTP) that a rule denies', async () => {
    await rules().put({ organizationId, name: 'no-smtp', effect: 'DENY', actions: ['SMTP'] });
    await expect(submission()).rejects.toMatchObject({ responseCode: 535 });
    expect(await imap()).toBe(true);
    await rules().delete({ organizationId, name: 'no-smtp' });
    // Allowed again, the submission goes out signed with the own domain's key.
    const subject = uniqueName('allowed-');
    await submit(org.stack, { user: person.address, pass: PASSWORD }, { from: person.address, to: person.address, subject });
    const arrived = await readInbox(org.stack, person.address, PASSWORD, subject);
    expect(arrived, await org.stack.logs()).not.toBeNull();
    expect(await org.dkim(arrived!.source)).toMatchObject({ signingDomain: org.domain, status: { result: 'pass' } });
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
    const grantee = await org.person();
    await org.caller().permissions.put({ organizationId, mailboxUserId: person.userId, granteeId: grantee.userId, permissions: ['FULL_ACCESS'] });
    const opens = () => canSignIn(org.stack, `${person.address}*${grantee.address}`, PASSWORD);
    expect(await opens()).toBe(true);
    await rules().put({ organizationId, name: 'no-imap-for-grantee', effect: 'DENY', actions: ['IMAP'], userIds: [grantee.userId] });
    expect(await opens()).toBe(false);
    // The owner is not denied: only the person signing in.
    expect(await imap()).toBe(true);
    await rules().delete({ organizationId, name: 'no-imap-for-grantee' });
    expect(await opens()).toBe(true);
  });
});

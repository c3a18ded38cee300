import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { canSignIn, deliver, readInbox, submit } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Full access with Debian's Dovecot on the deploy/ configuration: a user granted FULL_ACCESS on another's mailbox
 * signs in as `mailbox*grantee` with their own password (Dovecot's master passdb over mailserver.v1_full_access) and
 * reads it over IMAP; the grant and its revocation go through the API, and the very next sign-in follows them.
 * Everyone's addresses are on the organization's own verified domain.
 */
let org: MailOrganization;
let organizationId: string;
let domain: string;

beforeAll(async () => {
  org = await startMailOrganization({ customDomain: true });
  ({ organizationId, domain } = org);
});
afterAll(() => org?.stop());

const caller = () => org.caller();
const person = () => org.person();
const stack = () => org.stack;

/** An owner whose INBOX holds one message, with its subject. */
async function ownerWithMail() {
  const owner = await person();
  const subject = uniqueName('for-owner-');
  await deliver(stack(), { from: 'someone@example.net', to: owner.address, subject });
  expect(await readInbox(stack(), owner.address, PASSWORD, subject), await stack().logs()).toMatchObject({ subject });
  return { ...owner, subject };
}

const opens = (mailbox: string, grantee: string) => canSignIn(stack(), `${mailbox}*${grantee}`, PASSWORD);

describe('full access over IMAP', () => {
  it('opens the mailbox for a user granted FULL_ACCESS, and refuses the next sign-in once revoked', async () => {
    const [owner, delegate] = [await ownerWithMail(), await person()];
    expect(await opens(owner.address, delegate.address)).toBe(false);

    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: delegate.userId, permissions: ['FULL_ACCESS'] });
    expect(await readInbox(stack(), `${owner.address}*${delegate.address}`, PASSWORD, owner.subject)).toMatchObject({ subject: owner.subject });

    await caller().permissions.remove({ organizationId, mailboxUserId: owner.userId, granteeId: delegate.userId });
    const revoked = performance.now();
    expect(await opens(owner.address, delegate.address)).toBe(false);
    console.log(`[mailflow] FULL_ACCESS revoked through the API → the next IMAP sign-in refused (answered after ${(performance.now() - revoked).toFixed(0)} ms, Dovecot's failure delay included)`);
  });

  it('needs the grantee’s own password, and takes an alias of the mailbox', async () => {
    const [owner, delegate] = [await ownerWithMail(), await person()];
    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: delegate.userId, permissions: ['FULL_ACCESS'] });
    const alias = `${uniqueName('alias-')}@${domain}`;
    await caller().users.addAlias({ organizationId, entityId: owner.userId, localPart: alias.split('@')[0]!, domain });

    expect(await canSignIn(stack(), `${owner.address}*${delegate.address}`, 'not-the-password')).toBe(false);
    expect(await readInbox(stack(), `${alias}*${delegate.address}`, PASSWORD, owner.subject)).toMatchObject({ subject: owner.subject });
  });

  it('passes a grant to a group on to its enabled members, not to a disabled one', async () => {
    const [owner, member, disabled] = [await ownerWithMail(), await person(), await person()];
    const group = await caller().groups.create({ organizationId, name: uniqueName('assistants'), email: `${uniqueName('assistants-')}@${domain}` });
    for (const m of [member, disabled]) await caller().groups.addMember({ organizationId, groupId: group.id, memberId: m.userId });
    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: group.id, permissions: ['FULL_ACCESS'] });
    await caller().users.disable({ organizationId, userIds: [disabled.userId] });

    expect(await opens(owner.address, member.address)).toBe(true);
    expect(await opens(owner.address, disabled.address)).toBe(false);
  });

  it('gives nothing for SEND_AS alone, and no master sign-in on the submission port (it would send as the owner)', async () => {
    const [owner, delegate, sender] = [await ownerWithMail(), await person(), await person()];
    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: sender.userId, permissions: ['SEND_AS'] });
    expect(await opens(owner.address, sender.address)).toBe(false);

    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: delegate.userId, permissions: ['FULL_ACCESS'] });
    const refused = await submit(stack(), { user: `${owner.address}*${delegate.address}`, pass: PASSWORD }, { from: owner.address, to: delegate.address, subject: uniqueName('as-owner-') }).then(
      () => null,
      (e: { responseCode?: number }) => e.responseCode,
    );
    expect(refused).toBe(535);
  });

  it('refuses a disabled owner’s mailbox to its grantee', async () => {
    const [owner, delegate] = [await ownerWithMail(), await person()];
    await caller().permissions.put({ organizationId, mailboxUserId: owner.userId, granteeId: delegate.userId, permissions: ['FULL_ACCESS'] });
    expect(await opens(owner.address, delegate.address)).toBe(true);
    await caller().users.disable({ organizationId, userIds: [owner.userId] });
    expect(await opens(owner.address, delegate.address)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Mail in, end to end, with Debian's Postfix and Dovecot on the deploy/ configuration: SMTP into Postfix, which
 * resolves the recipient through the mailserver views and hands the message to Dovecot over LMTP, where the
 * recipient reads it over IMAP. What the console changes is what the next message meets. The organization owns a
 * verified domain of its own besides its test domain; the addresses scenarios run on both (one set of servers).
 */
let org: MailOrganization;

beforeAll(async () => {
  org = await startMailOrganization({ customDomain: true });
});
afterAll(() => org?.stop());

const caller = () => org.caller();
const outsider = 'someone@example.net';

/** Postfix's refusal of a recipient, as nodemailer reports it. */
async function refusal(to: string) {
  const error = await deliver(org.stack, { from: outsider, to, subject: uniqueName('refused-') }).then(
    () => null,
    (e: { responseCode?: number; response?: string }) => e,
  );
  return error && { code: error.responseCode, response: error.response };
}

async function addAlias(userId: string, domain: string) {
  const localPart = uniqueName('alias-');
  await caller().users.addAlias({ organizationId: org.organizationId, entityId: userId, localPart, domain });
  return `${localPart}@${domain}`;
}

describe.each([
  ['its own verified domain', () => org.domain],
  ['its test domain', () => org.testDomain],
])('delivery through Postfix and Dovecot, on the organization’s addresses on %s', (_, domainOf) => {
  const user = () => org.person(domainOf());

  it('delivers to a user’s primary address; the user reads it over IMAP', async () => {
    const ada = await user();
    const subject = uniqueName('primary-');
    const sent = await deliver(org.stack, { from: outsider, to: ada.address, subject });
    expect(sent.accepted).toEqual([ada.address]);
    expect(await readInbox(org.stack, ada.address, PASSWORD, subject), await org.stack.logs()).toMatchObject({ subject, from: outsider });
  });

  it('delivers to an alias into the owner’s mailbox', async () => {
    const grace = await user();
    const alias = await addAlias(grace.userId, domainOf());
    const subject = uniqueName('alias-');
    await deliver(org.stack, { from: outsider, to: alias, subject });
    expect(await readInbox(org.stack, grace.address, PASSWORD, subject)).toMatchObject({ subject });
  });

  it('delivers to a group’s address into each enabled member’s mailbox, not a disabled member’s', async () => {
    const [one, two, off] = [await user(), await user(), await user()];
    const groupAddress = `${uniqueName('team-')}@${domainOf()}`;
    const group = await caller().groups.create({ organizationId: org.organizationId, name: uniqueName('team'), email: groupAddress });
    for (const member of [one, two, off]) await caller().groups.addMember({ organizationId: org.organizationId, groupId: group.id, memberId: member.userId });
    await caller().users.disable({ organizationId: org.organizationId, userIds: [off.userId] });
    expect(await org.stack.lookup('aliases', groupAddress)).toBe([one.address, two.address].sort().join(','));

    const subject = uniqueName('group-');
    await deliver(org.stack, { from: outsider, to: groupAddress, subject });
    for (const member of [one, two]) expect(await readInbox(org.stack, member.address, PASSWORD, subject)).toMatchObject({ subject });
    // The disabled member cannot sign in to look; its mailbox is not in the views Postfix and Dovecot read at all.
    expect(await org.stack.lookup('mailboxes', off.address)).toBeNull();
  });

  it('refuses a disabled user’s address at RCPT with 550 5.1.1', async () => {
    const linus = await user();
    await caller().users.disable({ organizationId: org.organizationId, userIds: [linus.userId] });
    expect(await refusal(linus.address)).toEqual({ code: 550, response: expect.stringMatching(/^550 5\.1\.1 <.*>: Recipient address rejected: User unknown in virtual mailbox table/) });
    expect(await refusal(`nobody-${uniqueName()}@${domainOf()}`)).toMatchObject({ code: 550 });
  });

  it('delivers postmaster@ to the organization’s postmaster (RFC 5321 §4.5.1)', async () => {
    expect(await refusal(`postmaster@${domainOf()}`), await org.stack.logs()).toBeNull();
  });
});

describe('delivery across the organization’s domains', () => {
  it('delivers an alias on the own domain of a person whose primary address is on the test domain, and the other way round', async () => {
    const [onTest, onOwn] = [await org.person(org.testDomain), await org.person()];
    for (const [owner, alias] of [
      [onTest, await addAlias(onTest.userId, org.domain)],
      [onOwn, await addAlias(onOwn.userId, org.testDomain)],
    ] as const) {
      const subject = uniqueName('cross-');
      await deliver(org.stack, { from: outsider, to: alias, subject });
      expect(await readInbox(org.stack, owner.address, PASSWORD, subject), await org.stack.logs()).toMatchObject({ subject });
    }
  });

  it('stops delivering to a user disabled through the API at the next message (no cache), and prints how long that took', async () => {
    const hopper = await org.person();
    expect(await refusal(hopper.address)).toBeNull();
    await caller().users.disable({ organizationId: org.organizationId, userIds: [hopper.userId] });
    const changed = performance.now();
    let attempts = 0;
    for (;;) {
      attempts += 1;
      if (await refusal(hopper.address)) break;
      expect(performance.now() - changed, 'Postfix still accepts the disabled user').toBeLessThan(10_000);
    }
    const ms = performance.now() - changed;
    console.log(`[mailflow] user disabled through the API → Postfix refuses RCPT after ${ms.toFixed(0)} ms (${attempts} SMTP attempt${attempts > 1 ? 's' : ''})`);
    // Postfix's pgsql tables have no cache: the first message after the change already meets it.
    expect(attempts).toBe(1);
  });
});

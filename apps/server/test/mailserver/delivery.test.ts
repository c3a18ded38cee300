import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * Mail in, end to end, with Debian's Postfix and Dovecot on the deploy/ configuration: SMTP into Postfix, which
 * resolves the recipient through the mailserver views and hands the message to Dovecot over LMTP, where the
 * recipient reads it over IMAP. What the console changes is what the next message meets.
 */
let deps: TestDeps;
let op: TestOperator;
let stack: MailStack;
let organizationId: string;
let domain: string;

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  ({ organizationId, domain } = await createActiveOrganization(deps, op.actor));
  stack = await startMailStack(deps.database.url);
});
afterAll(async () => {
  await stack?.stop();
  await deps.database.drop();
});

const caller = () => callerFor(deps, op.actor);
const outsider = 'someone@example.net';

async function user() {
  const { userId, name } = await createEnabledUser(deps, op.actor, organizationId);
  return { userId, address: `${name}@${domain}` };
}

/** Postfix's refusal of a recipient, as nodemailer reports it. */
async function refusal(to: string) {
  const error = await deliver(stack, { from: outsider, to, subject: uniqueName('refused-') }).then(
    () => null,
    (e: { responseCode?: number; response?: string }) => e,
  );
  return error && { code: error.responseCode, response: error.response };
}

describe('delivery through Postfix and Dovecot', () => {
  it('delivers to a user’s primary address; the user reads it over IMAP', async () => {
    const ada = await user();
    const subject = uniqueName('primary-');
    const sent = await deliver(stack, { from: outsider, to: ada.address, subject });
    expect(sent.accepted).toEqual([ada.address]);
    expect(await readInbox(stack, ada.address, PASSWORD, subject), await stack.logs()).toMatchObject({ subject, from: outsider });
  });

  it('delivers to an alias into the owner’s mailbox', async () => {
    const grace = await user();
    const alias = `${uniqueName('alias-')}@${domain}`;
    await caller().users.addAlias({ organizationId, entityId: grace.userId, localPart: alias.split('@')[0]!, domain });
    const subject = uniqueName('alias-');
    await deliver(stack, { from: outsider, to: alias, subject });
    expect(await readInbox(stack, grace.address, PASSWORD, subject)).toMatchObject({ subject });
  });

  it('delivers to a group’s address into each enabled member’s mailbox, not a disabled member’s', async () => {
    const [one, two, off] = [await user(), await user(), await user()];
    const groupAddress = `${uniqueName('team-')}@${domain}`;
    const group = await caller().groups.create({ organizationId, name: uniqueName('team'), email: groupAddress });
    for (const member of [one, two, off]) await caller().groups.addMember({ organizationId, groupId: group.id, memberId: member.userId });
    await caller().users.disable({ organizationId, userIds: [off.userId] });
    expect(await stack.lookup('aliases', groupAddress)).toBe([one.address, two.address].sort().join(','));

    const subject = uniqueName('group-');
    await deliver(stack, { from: outsider, to: groupAddress, subject });
    for (const member of [one, two]) expect(await readInbox(stack, member.address, PASSWORD, subject)).toMatchObject({ subject });
    // The disabled member cannot sign in to look; its mailbox is not in the views Postfix and Dovecot read at all.
    expect(await stack.lookup('mailboxes', off.address)).toBeNull();
  });

  it('refuses a disabled user’s address at RCPT with 550 5.1.1', async () => {
    const linus = await user();
    await caller().users.disable({ organizationId, userIds: [linus.userId] });
    expect(await refusal(linus.address)).toEqual({ code: 550, response: expect.stringMatching(/^550 5\.1\.1 <.*>: Recipient address rejected: User unknown in virtual mailbox table/) });
    expect(await refusal(`nobody-${uniqueName()}@${domain}`)).toMatchObject({ code: 550 });
  });

  it('stops delivering to a user disabled through the API at the next message (no cache), and prints how long that took', async () => {
    const hopper = await user();
    expect(await refusal(hopper.address)).toBeNull();
    await caller().users.disable({ organizationId, userIds: [hopper.userId] });
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermissionType } from '@mailyard/core/permissions';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser, PASSWORD, uniqueName } from '../support/users.ts';
import { readInbox, submit } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * Sending as, with Debian's Postfix and Dovecot on the deploy/ configuration: a person signs in on the submission
 * port (SASL through Dovecot's auth service) with nodemailer, and Postfix accepts the envelope sender only when
 * mailserver.v1_sender_logins lets that login use it; anything else is Postfix's sender-login mismatch, 553 5.7.1.
 * Grants and revocations go through the API, and the very next submission follows them.
 */
let deps: TestDeps;
let op: TestOperator;
let stack: MailStack;
let organizationId: string;
let domain: string;
let reader: Person;

interface Person {
  userId: string;
  address: string;
}

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  ({ organizationId, domain } = await createActiveOrganization(deps, op.actor));
  stack = await startMailStack(deps.database.url);
  reader = await person();
});
afterAll(async () => {
  await stack?.stop();
  await deps.database.drop();
});

const caller = () => callerFor(deps, op.actor);

async function person(): Promise<Person> {
  const { userId, name } = await createEnabledUser(deps, op.actor, organizationId);
  return { userId, address: `${name}@${domain}` };
}

/** `who` signs in (by `address`) and submits from `from` to the reader: the subject when accepted, else the refusal. */
async function send(who: Pick<Person, 'address'>, from: string, extra: { sender?: string; envelopeFrom?: string } = {}) {
  const subject = uniqueName('sent-');
  return submit(stack, { user: who.address, pass: PASSWORD }, { from, to: reader.address, subject, ...extra }).then(
    () => ({ accepted: subject }),
    (e: { responseCode?: number; response?: string }) => ({ refused: `${e.responseCode} ${e.response}` }),
  );
}

const mismatch = (from: string, login: string) => ({
  refused: expect.stringContaining(`553 5.7.1 <${from}>: Sender address rejected: not owned by user ${login}`),
});
const grant = (mailboxUserId: string, granteeId: string, permissions: PermissionType[]) =>
  caller().permissions.put({ organizationId, mailboxUserId, granteeId, permissions });
const revoke = (mailboxUserId: string, granteeId: string) => caller().permissions.remove({ organizationId, mailboxUserId, granteeId });

describe('sending as, on the submission port', () => {
  it('lets a person send from their primary address and their aliases; the reader gets it', async () => {
    const ada = await person();
    const alias = `${uniqueName('alias-')}@${domain}`;
    await caller().users.addAlias({ organizationId, entityId: ada.userId, localPart: alias.split('@')[0]!, domain });

    const primary = await send(ada, ada.address);
    expect(primary, await stack.logs()).toEqual({ accepted: expect.any(String) });
    expect(await send(ada, alias)).toEqual({ accepted: expect.any(String) });
    expect(await readInbox(stack, reader.address, PASSWORD, (primary as { accepted: string }).accepted)).toMatchObject({ from: ada.address });
    // Signed in by the alias, the person is still known by the primary address (Dovecot reports the canonical user).
    expect(await send({ ...ada, address: alias }, ada.address)).toEqual({ accepted: expect.any(String) });
  });

  it('refuses another person’s address, an unknown one of the domain and an outside one with 553 5.7.1', async () => {
    const [ada, bob] = [await person(), await person()];
    expect(await send(ada, bob.address)).toEqual(mismatch(bob.address, ada.address));
    const unknown = `nobody-${uniqueName()}@${domain}`;
    expect(await send(ada, unknown)).toEqual(mismatch(unknown, ada.address));
    expect(await send(ada, 'ceo@example.net')).toEqual(mismatch('ceo@example.net', ada.address));
  });

  it('follows SEND_AS granted and revoked through the API at the next submission', async () => {
    const [owner, delegate] = [await person(), await person()];
    expect(await send(delegate, owner.address)).toEqual(mismatch(owner.address, delegate.address));

    await grant(owner.userId, delegate.userId, ['SEND_AS']);
    const sent = await send(delegate, owner.address);
    expect(sent).toEqual({ accepted: expect.any(String) });
    // Sent as the owner: nothing in the message names the delegate.
    expect(await readInbox(stack, reader.address, PASSWORD, (sent as { accepted: string }).accepted)).toMatchObject({ from: owner.address, sender: null });

    await revoke(owner.userId, delegate.userId);
    expect(await send(delegate, owner.address)).toEqual(mismatch(owner.address, delegate.address));
  });

  it('lets a delegate with SEND_ON_BEHALF send with the owner in From and themself in Sender', async () => {
    const [owner, delegate] = [await person(), await person()];
    const onBehalf = { sender: delegate.address, envelopeFrom: owner.address };
    expect(await send(delegate, owner.address, onBehalf)).toEqual(mismatch(owner.address, delegate.address));

    await grant(owner.userId, delegate.userId, ['SEND_ON_BEHALF']);
    const sent = await send(delegate, owner.address, onBehalf);
    expect(sent).toEqual({ accepted: expect.any(String) });
    expect(await readInbox(stack, reader.address, PASSWORD, (sent as { accepted: string }).accepted)).toMatchObject({
      from: owner.address,
      sender: delegate.address,
    });
  });

  it('lets a member send from a group’s address only once the group grants it', async () => {
    const member = await person();
    const groupAddress = `${uniqueName('team-')}@${domain}`;
    const group = await caller().groups.create({ organizationId, name: uniqueName('team'), email: groupAddress });
    await caller().groups.addMember({ organizationId, groupId: group.id, memberId: member.userId });
    // Membership alone receives the group's mail; it does not sign for the group.
    expect(await send(member, groupAddress)).toEqual(mismatch(groupAddress, member.address));

    await grant(group.id, member.userId, ['SEND_AS']);
    expect(await send(member, groupAddress)).toEqual({ accepted: expect.any(String) });
    expect(await stack.lookup('sender-logins', groupAddress)).toBe(member.address);
  });

  it('passes a grant to a group on to its enabled members', async () => {
    const [owner, member, disabled] = [await person(), await person(), await person()];
    const group = await caller().groups.create({ organizationId, name: uniqueName('assistants'), email: `${uniqueName('assistants-')}@${domain}` });
    for (const m of [member, disabled]) await caller().groups.addMember({ organizationId, groupId: group.id, memberId: m.userId });
    await grant(owner.userId, group.id, ['SEND_AS']);
    await caller().users.disable({ organizationId, userIds: [disabled.userId] });

    expect(await send(member, owner.address)).toEqual({ accepted: expect.any(String) });
    expect(await stack.lookup('sender-logins', owner.address)).toBe([owner.address, member.address].sort().join(','));
  });
});

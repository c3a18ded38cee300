import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermissionType } from '@mailyard/core/permissions';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { readInbox, submit, type ReadMessage } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Sending as, with Debian's Postfix and Dovecot on the deploy/ configuration: a person signs in on the submission
 * port (SASL through Dovecot's auth service) with nodemailer, and Postfix accepts the envelope sender only when
 * mailserver.v1_sender_logins lets that login use it; anything else is Postfix's sender-login mismatch, 553 5.7.1.
 * Grants and revocations go through the API, and the very next submission follows them. Everyone's addresses are on
 * the organization's own verified domain, and every message accepted arrives DKIM-signed with its key (OpenDKIM).
 */
let org: MailOrganization;
let organizationId: string;
let domain: string;
let reader: Person;

interface Person {
  userId: string;
  address: string;
}

beforeAll(async () => {
  org = await startMailOrganization({ customDomain: true });
  ({ organizationId, domain } = org);
  reader = await person();
});
afterAll(() => org?.stop());

const caller = () => org.caller();
const person = (): Promise<Person> => org.person();

/**
 * `who` signs in (by `address`) and submits from `from` to the reader: when accepted, the message as the reader got it
 * (signed by the own domain: checked here), else the refusal.
 */
async function send(who: Pick<Person, 'address'>, from: string, extra: { sender?: string; envelopeFrom?: string } = {}): Promise<{ accepted: ReadMessage } | { refused: string }> {
  const subject = uniqueName('sent-');
  const refused = await submit(org.stack, { user: who.address, pass: PASSWORD }, { from, to: reader.address, subject, ...extra }).then(
    () => null,
    (e: { responseCode?: number; response?: string }) => `${e.responseCode} ${e.response}`,
  );
  if (refused) return { refused };
  const message = await readInbox(org.stack, reader.address, PASSWORD, subject);
  expect(message, await org.stack.logs()).not.toBeNull();
  expect(await org.dkim(message!.source)).toMatchObject({ signingDomain: domain, status: { result: 'pass' } });
  return { accepted: message! };
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

    expect(await send(ada, ada.address)).toMatchObject({ accepted: { from: ada.address } });
    expect(await send(ada, alias)).toMatchObject({ accepted: { from: alias } });
    // Signed in by the alias, the person is still known by the primary address (Dovecot reports the canonical user).
    expect(await send({ ...ada, address: alias }, ada.address)).toMatchObject({ accepted: { from: ada.address } });
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
    // Sent as the owner: nothing in the message names the delegate.
    expect(await send(delegate, owner.address)).toMatchObject({ accepted: { from: owner.address, sender: null } });

    await revoke(owner.userId, delegate.userId);
    const revoked = performance.now();
    expect(await send(delegate, owner.address)).toEqual(mismatch(owner.address, delegate.address));
    console.log(`[mailflow] SEND_AS revoked through the API → the next submission refused (553 after ${(performance.now() - revoked).toFixed(0)} ms, the whole SMTP session)`);
  });

  it('lets a delegate with SEND_ON_BEHALF send with the owner in From and themself in Sender', async () => {
    const [owner, delegate] = [await person(), await person()];
    const onBehalf = { sender: delegate.address, envelopeFrom: owner.address };
    expect(await send(delegate, owner.address, onBehalf)).toEqual(mismatch(owner.address, delegate.address));

    await grant(owner.userId, delegate.userId, ['SEND_ON_BEHALF']);
    expect(await send(delegate, owner.address, onBehalf)).toMatchObject({ accepted: { from: owner.address, sender: delegate.address } });
  });

  it('lets a member send from a group’s address only once the group grants it', async () => {
    const member = await person();
    const groupAddress = `${uniqueName('team-')}@${domain}`;
    const group = await caller().groups.create({ organizationId, name: uniqueName('team'), email: groupAddress });
    await caller().groups.addMember({ organizationId, groupId: group.id, memberId: member.userId });
    // Membership alone receives the group's mail; it does not sign for the group.
    expect(await send(member, groupAddress)).toEqual(mismatch(groupAddress, member.address));

    await grant(group.id, member.userId, ['SEND_AS']);
    expect(await send(member, groupAddress)).toMatchObject({ accepted: expect.anything() });
    expect(await org.stack.lookup('sender-logins', groupAddress)).toBe(member.address);
  });

  it('passes a grant to a group on to its enabled members', async () => {
    const [owner, member, disabled] = [await person(), await person(), await person()];
    const group = await caller().groups.create({ organizationId, name: uniqueName('assistants'), email: `${uniqueName('assistants-')}@${domain}` });
    for (const m of [member, disabled]) await caller().groups.addMember({ organizationId, groupId: group.id, memberId: m.userId });
    await grant(owner.userId, group.id, ['SEND_AS']);
    await caller().users.disable({ organizationId, userIds: [disabled.userId] });

    expect(await send(member, owner.address)).toMatchObject({ accepted: expect.anything() });
    expect(await org.stack.lookup('sender-logins', owner.address)).toBe([owner.address, member.address].sort().join(','));
  });
});

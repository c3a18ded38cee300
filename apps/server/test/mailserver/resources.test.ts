import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox, submit } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Resources with Debian's Postfix and Dovecot on the deploy/ configuration: mail to an enabled room's address reaches
 * its delegates (a delegate group's enabled members included), and a delegate may send on the room's behalf from the
 * submission port, signed with the room's domain's key; everything through the API, no cache. The addresses are on
 * the organization's own verified domain.
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
const outsider = 'someone@example.net';

/** An enabled room at a fresh address, with `delegates` (user or group ids). */
async function room(delegates: string[]) {
  const resource = await caller().resources.create({ organizationId, name: uniqueName('room'), type: 'ROOM' });
  for (const delegateId of delegates) await caller().resources.addDelegate({ organizationId, resourceId: resource.id, delegateId });
  const address = `${uniqueName('room-')}@${domain}`;
  await caller().resources.enable({ organizationId, resourceId: resource.id, email: address });
  return { resourceId: resource.id, address };
}

const refusal = (to: string) =>
  deliver(org.stack, { from: outsider, to, subject: uniqueName('refused-') }).then(
    () => null,
    (e: { responseCode?: number }) => e.responseCode,
  );

describe('resources in the mail flow', () => {
  it('delivers mail to a room’s address to its delegates, a delegate group’s enabled members included', async () => {
    const [booker, member, off] = [await org.person(), await org.person(), await org.person()];
    const group = await caller().groups.create({ organizationId, name: uniqueName('facilities'), email: `${uniqueName('facilities-')}@${domain}` });
    for (const m of [member, off]) await caller().groups.addMember({ organizationId, groupId: group.id, memberId: m.userId });
    await caller().users.disable({ organizationId, userIds: [off.userId] });
    const { address } = await room([booker.userId, group.id]);
    expect(await org.stack.lookup('aliases', address)).toBe([booker.address, member.address].sort().join(','));

    const subject = uniqueName('booking-');
    await deliver(org.stack, { from: outsider, to: address, subject });
    for (const delegate of [booker, member]) expect(await readInbox(org.stack, delegate.address, PASSWORD, subject), await org.stack.logs()).toMatchObject({ subject });
  });

  it('refuses mail to a disabled room, and to a room with no delegate (nobody answers for it)', async () => {
    const booker = await org.person();
    const { resourceId, address } = await room([booker.userId]);
    expect(await refusal(address)).toBeNull();
    await caller().resources.disable({ organizationId, resourceId });
    expect(await refusal(address)).toBe(550);

    const lonely = await room([]);
    expect(await refusal(lonely.address)).toBe(550);
  });

  it('lets a delegate send on the room’s behalf, and nobody else', async () => {
    const [booker, stranger, reader] = [await org.person(), await org.person(), await org.person()];
    const { address } = await room([booker.userId]);
    const subject = uniqueName('reply-');
    const send = (who: { address: string }) =>
      submit(org.stack, { user: who.address, pass: PASSWORD }, { from: address, sender: who.address, envelopeFrom: address, to: reader.address, subject }).then(
        (sent) => sent.accepted,
        (e: { responseCode?: number }) => e.responseCode,
      );
    expect(await send(booker)).toEqual([reader.address]);
    const reply = await readInbox(org.stack, reader.address, PASSWORD, subject);
    expect(reply, await org.stack.logs()).toMatchObject({ from: address, sender: booker.address });
    expect(await org.dkim(reply!.source)).toMatchObject({ signingDomain: domain, status: { result: 'pass' } });
    expect(await send(stranger)).toBe(553);
    expect(await org.stack.lookup('sender-logins', address)).toBe(booker.address);
  });
});

import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { uniqueDomain, zoneOf } from '../support/domains.ts';
import { createEnabledUser, PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox, submit } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Mail on an organization's own domain, with the real servers: the domain is registered, its records published in
 * dnsmasq and verified through Mailyard, then Postfix, Dovecot and OpenDKIM start on the deploy/ configuration (the
 * documented sync script has put the domain's key in OpenDKIM's tables). Mail to a person on that domain is delivered
 * and read over IMAP; mail the person submits passes OpenDKIM as Postfix's milter, and mailauth checks the signature
 * of the message as it arrived against the public key in dnsmasq.
 */
const TOKEN = 'mail-server-token-for-custom-domain-tests-0123';
const domain = uniqueDomain();

let dns: TestDnsServer;
let org: MailOrganization;
let person: { userId: string; address: string };

beforeAll(async () => {
  dns = await startDnsServer(['example.com']);
  org = await startMailOrganization({
    mailServerToken: TOKEN,
    dnsServers: dns.address,
    async beforeMailServers({ organizationId, caller }) {
      await caller().domains.register({ organizationId, domainName: domain });
      await dns.publish(zoneOf((await caller().domains.get({ organizationId, domainName: domain })).records));
      expect(await caller().domains.verify({ organizationId, domainName: domain })).toMatchObject({ ownershipStatus: 'VERIFIED', dkimStatus: 'VERIFIED' });
    },
  });
  const address = `${uniqueName('jane-')}@${domain}`;
  person = { userId: (await createEnabledUser(org.deps, org.op.actor, org.organizationId, { email: address })).userId, address };
});
afterAll(async () => {
  await org?.stop();
  await dns?.stop();
});

const verify = async (message: Buffer | string) => {
  const { results } = await dkimVerify(Buffer.from(message), { resolver: (name: string, rr: string) => dns.resolver.resolve(name, rr) as Promise<never> });
  return results[0]!;
};

describe('a verified custom domain', () => {
  it('is a Postfix destination, and mail to a person on it is delivered and read over IMAP', async () => {
    expect(await org.stack.lookup('domains', domain)).not.toBeNull();
    expect(await org.stack.lookup('mailboxes', person.address)).not.toBeNull();
    const subject = uniqueName('inbound-');
    await deliver(org.stack, { from: 'someone@example.net', to: person.address, subject });
    expect(await readInbox(org.stack, person.address, PASSWORD, subject), await org.stack.logs()).toMatchObject({ subject, from: 'someone@example.net' });
  });

  it('DKIM-signs what the person submits with the domain’s key: mailauth passes it against DNS, and fails it tampered', async () => {
    const reader = await org.person();
    const subject = uniqueName('signed-');
    await submit(org.stack, { user: person.address, pass: PASSWORD }, { from: person.address, to: reader.address, subject });
    const received = await readInbox(org.stack, reader.address, PASSWORD, subject);
    expect(received, await org.stack.logs()).not.toBeNull();
    const source = received!.source.toString();

    const { records } = await org.caller().domains.get({ organizationId: org.organizationId, domainName: domain });
    const result = await verify(source);
    expect(result).toMatchObject({ signingDomain: domain, selector: records.find((r) => r.purpose === 'dkim')!.selector, status: { result: 'pass' } });

    expect((await verify(source.replace(`Subject: ${subject}`, 'Subject: Urgent payment'))).status.result).toBe('fail');
    // mailauth words a body changed after signing as "neutral (body hash did not verify)": not a pass either way.
    const tamperedBody = source.replace('\r\n\r\n', '\r\n\r\nWire the money to account 12345.\r\n');
    expect((await verify(tamperedBody)).status).toMatchObject({ result: 'neutral', comment: expect.stringMatching(/body hash/) });
  });

  it('does not sign mail from the organization’s test domain, which has no key of its own in OpenDKIM', async () => {
    const [sender, reader] = [await org.person(), await org.person()];
    const subject = uniqueName('unsigned-');
    await submit(org.stack, { user: sender.address, pass: PASSWORD }, { from: sender.address, to: reader.address, subject });
    const received = await readInbox(org.stack, reader.address, PASSWORD, subject);
    expect(received!.source.toString()).not.toMatch(/^DKIM-Signature:/im);
  });
});

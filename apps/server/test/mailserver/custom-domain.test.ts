import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueName } from '../support/users.ts';
import { deliver, readInbox, submit } from './mail-program.ts';
import { startMailOrganization, type MailOrganization } from './mail-organization.ts';

/**
 * Mail on an organization's own domain, with the real servers: the domain is registered, its records published in
 * dnsmasq and verified through Mailyard (startMailOrganization's `customDomain`), then Postfix, Dovecot and OpenDKIM
 * start on the deploy/ configuration (the documented sync script has put the domain's key in OpenDKIM's tables). Mail
 * to a person on that domain is delivered and read over IMAP; mail the person submits passes OpenDKIM as Postfix's
 * milter, and mailauth checks the signature of the message as it arrived against the public key in dnsmasq. The other
 * mail-flow files (delivery, send-as, quotas, full access, resources, access rules) run on such a domain too.
 */
let org: MailOrganization;
let person: { userId: string; address: string };

beforeAll(async () => {
  org = await startMailOrganization({ customDomain: true });
  person = await org.person();
});
afterAll(() => org?.stop());

describe('a verified custom domain', () => {
  it('is a Postfix destination, and mail to a person on it is delivered and read over IMAP', async () => {
    expect(await org.stack.lookup('domains', org.domain)).not.toBeNull();
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

    const { records } = await org.caller().domains.get({ organizationId: org.organizationId, domainName: org.domain });
    expect(await org.dkim(source)).toMatchObject({ signingDomain: org.domain, selector: records.find((r) => r.purpose === 'dkim')!.selector, status: { result: 'pass' } });

    expect((await org.dkim(source.replace(`Subject: ${subject}`, 'Subject: Urgent payment'))).status.result).toBe('fail');
    // mailauth words a body changed after signing as "neutral (body hash did not verify)": not a pass either way.
    const tamperedBody = source.replace('\r\n\r\n', '\r\n\r\nWire the money to account 12345.\r\n');
    expect((await org.dkim(tamperedBody)).status).toMatchObject({ result: 'neutral', comment: expect.stringMatching(/body hash/) });
  });

  it('does not sign mail from the organization’s test domain, which has no key of its own in OpenDKIM', async () => {
    const [sender, reader] = [await org.person(org.testDomain), await org.person(org.testDomain)];
    const subject = uniqueName('unsigned-');
    await submit(org.stack, { user: sender.address, pass: PASSWORD }, { from: sender.address, to: reader.address, subject });
    const received = await readInbox(org.stack, reader.address, PASSWORD, subject);
    expect(received!.source.toString()).not.toMatch(/^DKIM-Signature:/im);
  });

  it('does not lend the domain’s key to someone who only writes it in From: the signer follows the envelope Postfix checked', async () => {
    // Postfix checks the envelope sender against the login; the From header is the mail program's to write. Were the
    // key chosen by From, anyone able to submit (in any organization) could have mail signed as this domain.
    const [spoofer, reader] = [await org.person(org.testDomain), await org.person()];
    const subject = uniqueName('spoofed-');
    await submit(org.stack, { user: spoofer.address, pass: PASSWORD }, { from: person.address, envelopeFrom: spoofer.address, to: reader.address, subject });
    const received = await readInbox(org.stack, reader.address, PASSWORD, subject);
    expect(received, await org.stack.logs()).toMatchObject({ from: person.address });
    expect(received!.source.toString()).not.toMatch(/^DKIM-Signature:/im);
  });
});

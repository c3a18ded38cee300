import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { uniqueDomain, zoneOf } from '../support/domains.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createActiveOrganization } from '../support/users.ts';

/**
 * DKIM end to end with real parts: the documented sync script fetches the keys from the mail-server API and writes
 * OpenDKIM's tables, Debian's OpenDKIM signs a message with that configuration, and mailauth verifies the signature
 * by looking the public key up in the DNS server on loopback, where the domain's records are published.
 */
const run = promisify(execFile);
const SYNC = path.resolve(import.meta.dirname, '../../../../scripts/mail-server/opendkim-sync.sh');
const TOKEN = 'mail-server-token-for-dkim-tests-0123456789';

let deps: TestDeps;
let dns: TestDnsServer;
let server: TestServer;
let op: TestOperator;
let organizationId: string;
let dir: string;
const domain = uniqueDomain();
const pending = uniqueDomain();

beforeAll(async () => {
  dns = await startDnsServer(['example.com']);
  deps = await createTestDeps({ MAILYARD_DNS_SERVERS: dns.address, MAILYARD_MAIL_SERVER_TOKEN: TOKEN });
  server = await startTestServer(deps);
  op = await createOperator(deps);
  ({ organizationId } = await createActiveOrganization(deps, op.actor));
  const caller = callerFor(deps, op.actor);
  await caller.domains.register({ organizationId, domainName: domain });
  await caller.domains.register({ organizationId, domainName: pending });
  await dns.publish(zoneOf((await caller.domains.get({ organizationId, domainName: domain })).records));
  expect((await caller.domains.verify({ organizationId, domainName: domain })).dkimStatus).toBe('VERIFIED');
  dir = await mkdtemp(path.join(tmpdir(), 'mailyard-opendkim-'));
});
afterAll(async () => {
  await server.close();
  await dns.stop();
  await deps.database.drop();
  await rm(dir, { recursive: true, force: true });
});

const sync = (token = TOKEN) => run('sh', [SYNC, path.join(dir, 'keys')], { env: { PATH: process.env.PATH, MAILYARD_URL: server.url, MAILYARD_MAIL_SERVER_TOKEN: token } });

/** Signs with `opendkim -t` (test mode: the same configuration and key tables as the milter) and returns the signed message. */
async function signWithOpenDkim(message: string): Promise<string> {
  const conf = path.join(dir, 'opendkim.conf');
  await writeFile(
    conf,
    [
      `KeyTable file:${dir}/keys/KeyTable`,
      `SigningTable refile:${dir}/keys/SigningTable`,
      'Mode s',
      'Canonicalization relaxed/relaxed',
      'Syslog no',
      // The test's temp dir sits under the world-writable /tmp, which OpenDKIM's safe-key check refuses.
      'RequireSafeKeys false',
      '',
    ].join('\n'),
  );
  const file = path.join(dir, 'message.eml');
  // Test mode splits the file on LF (a milter gets lines without their CRLF): it reads the message in LF form.
  await writeFile(file, message.replace(/\r\n/g, '\n'));
  const { stdout } = await run('opendkim', ['-x', conf, '-t', file]);
  // Test mode prints "opendkim: <file>:" and then the header field it would add, folded with bare LFs as the milter
  // hands it to the MTA; its signature covers exactly that form, so it is prepended as printed.
  const header = stdout.split('\n').slice(1).join('\n').trimEnd();
  expect(header).toMatch(/^DKIM-Signature: /);
  return `${header}\r\n${message}`;
}

const verify = async (message: string) => {
  const { results } = await dkimVerify(Buffer.from(message), { resolver: (name: string, rr: string) => dns.resolver.resolve(name, rr) as Promise<never> });
  return results[0]!;
};

const message = (from: string) =>
  [`From: Jane <jane@${from}>`, 'To: bob@example.net', 'Subject: Quarterly numbers', 'Date: Tue, 01 Dec 2026 09:00:00 +0000', `Message-ID: <1@${from}>`, '', 'Hi Bob,', '', 'the numbers are attached.', ''].join(
    '\r\n',
  );

describe('DKIM signing with the key the signer gets', () => {
  it('hands the keys only to a caller with the mail-server token', async () => {
    const refused = await fetch(`${server.url}/api/mail-server/dkim-keys`, { headers: { authorization: 'Bearer wrong-token' } });
    expect(refused.status).toBe(401);
    await expect(sync('wrong-token-wrong-token-wrong-token')).rejects.toMatchObject({ code: 22 }); // curl -f: HTTP error
    const response = await fetch(`${server.url}/api/mail-server/dkim-keys`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { keys } = (await response.json()) as { keys: { domain: string; selector: string; privateKey: string }[] };
    // Only proven domains sign: the pending one is left out.
    expect(keys.map((k) => k.domain)).toContain(domain);
    expect(keys.map((k) => k.domain)).not.toContain(pending);
    expect(keys.find((k) => k.domain === domain)!.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('signs through OpenDKIM with the synced tables; mailauth verifies against DNS (pass), and a tampered message fails', async () => {
    await sync();
    expect(await readFile(path.join(dir, 'keys', 'SigningTable'), 'utf8')).toContain(`*@${domain} mailyard-`);
    const signed = await signWithOpenDkim(message(domain));
    const result = await verify(signed);
    expect(result.status.result).toBe('pass');
    expect(result.signingDomain).toBe(domain);
    const selector = (await callerFor(deps, op.actor).domains.get({ organizationId, domainName: domain })).records.find((r) => r.purpose === 'dkim')!.selector;
    expect(result.selector).toBe(selector);

    const tampered = signed.replace('the numbers are attached.', 'the numbers are attached. Wire the money to account 12345.');
    // mailauth words a body changed after signing as "neutral (body hash did not verify)": not a pass either way.
    expect((await verify(tampered)).status).toMatchObject({ result: 'neutral', comment: expect.stringMatching(/body hash/) });
    const forgedSubject = signed.replace('Subject: Quarterly numbers', 'Subject: Urgent payment');
    expect((await verify(forgedSubject)).status.result).toBe('fail');
  });

  it('after a rotation, the signer gets the new key once DNS has its record, and signatures still verify', async () => {
    const caller = callerFor(deps, op.actor);
    const { selector } = await caller.domains.rotateDkim({ organizationId, domainName: domain });
    await dns.publish(zoneOf((await caller.domains.get({ organizationId, domainName: domain })).records));
    await caller.domains.verify({ organizationId, domainName: domain });
    await sync();
    const result = await verify(await signWithOpenDkim(message(domain)));
    expect(result).toMatchObject({ selector, status: { result: 'pass' } });
  });
});

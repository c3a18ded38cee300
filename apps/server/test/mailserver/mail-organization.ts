import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { expect } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { uniqueDomain, zoneOf } from '../support/domains.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createActiveOrganization, createEnabledUser, uniqueName } from '../support/users.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * What a mail-server test file starts once: a test database with an operator and an Active organization, Postfix,
 * Dovecot and OpenDKIM on it, and — with `mailServerToken` — a running Mailyard with its job worker, which Dovecot
 * asks for mailbox keys and reports usage to and OpenDKIM's keys come from (without it the stack starts a Mailyard of
 * its own, without a worker: no mailbox opens without one). `dnsServers` is Mailyard's resolver (domain verification); `beforeMailServers` runs once
 * the organization exists and before the servers start (a domain proven then has its key in OpenDKIM's tables).
 *
 * With `customDomain`, the organization also owns a verified domain of its own, as an operator sets one up: registered,
 * its records published in dnsmasq (Mailyard's resolver), verified, and made the organization's default domain before
 * the servers start, so OpenDKIM holds its key and `domain` and `person()` are on it (`testDomain` stays served).
 */
export interface MailOrganization {
  deps: TestDeps;
  op: TestOperator;
  stack: MailStack;
  organizationId: string;
  /** Where `person()` puts people: the organization's default domain (its own domain with `customDomain`). */
  domain: string;
  /** The organization's free test domain (Quick setup's `<alias>.mailyard.test`). */
  testDomain: string;
  caller(): ReturnType<typeof callerFor>;
  /** A new enabled user of the organization (password `PASSWORD`) and their primary address, on `domain` unless told. */
  person(domain?: string): Promise<{ userId: string; address: string }>;
  /**
   * The DKIM verdict on a message as it arrived (mailauth against the published records): with `customDomain` only,
   * whose DNS server holds the key.
   */
  dkim(message: Buffer | string): Promise<DkimVerdict>;
  stop(): Promise<void>;
}

export interface DkimVerdict {
  signingDomain?: string;
  selector?: string;
  status: { result: string; comment?: string };
}

export interface MailOrganizationOptions {
  mailServerToken?: string;
  dnsServers?: string;
  beforeMailServers?: (org: Pick<MailOrganization, 'organizationId' | 'caller'>) => Promise<void>;
  customDomain?: boolean;
}

/** An own domain's tests watch its mail signed and delivered end to end: a Mailyard with its job worker. */
const CUSTOM_DOMAIN_TOKEN = 'mail-server-token-for-own-domain-organizations-0123';

export async function startMailOrganization(options: MailOrganizationOptions = {}): Promise<MailOrganization> {
  let dns: TestDnsServer | undefined;
  let deps: TestDeps | undefined;
  let server: TestServer | undefined;
  let stack: MailStack | undefined;
  const stop = async () => {
    await stack?.stop();
    await server?.close();
    await deps?.database.drop();
    await dns?.stop();
  };
  try {
    dns = options.customDomain ? await startDnsServer(['example.com']) : undefined;
    const token = options.mailServerToken ?? (options.customDomain ? CUSTOM_DOMAIN_TOKEN : undefined);
    const dnsServers = options.dnsServers ?? dns?.address;
    deps = await createTestDeps({
      ...(token ? { MAILYARD_MAIL_SERVER_TOKEN: token } : {}),
      ...(dnsServers ? { MAILYARD_DNS_SERVERS: dnsServers } : {}),
    });
    const testDeps = deps;
    server = token ? await startTestServer(deps) : undefined;
    const op = await createOperator(deps);
    const { organizationId, domain: testDomain } = await createActiveOrganization(deps, op.actor);
    const caller = () => callerFor(testDeps, op.actor);
    const domain = dns ? await verifiedOwnDomain(dns, { organizationId, caller }) : testDomain;
    await options.beforeMailServers?.({ organizationId, caller });
    stack = await startMailStack(testDeps, server && token ? { url: server.url, token } : undefined);
    const person = async (on = domain) => {
      const name = uniqueName();
      const address = `${name}@${on}`;
      return { userId: (await createEnabledUser(testDeps, op.actor, organizationId, { name, email: address })).userId, address };
    };
    const resolver = dns?.resolver;
    const dkim = async (message: Buffer | string) => {
      if (!resolver) throw new Error('dkim() needs startMailOrganization({ customDomain: true }): no DNS server holds a key');
      const { results } = await dkimVerify(Buffer.from(message), { resolver: (name: string, rr: string) => resolver.resolve(name, rr) as Promise<never> });
      return results[0] as DkimVerdict;
    };
    return { deps, op, stack, organizationId, domain, testDomain, caller, person, dkim, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Registers a fresh domain, publishes its records, verifies it (ownership and DKIM) and makes it the default domain. */
async function verifiedOwnDomain(dns: TestDnsServer, { organizationId, caller }: Pick<MailOrganization, 'organizationId' | 'caller'>) {
  const domainName = uniqueDomain();
  await caller().domains.register({ organizationId, domainName });
  await dns.publish(zoneOf((await caller().domains.get({ organizationId, domainName })).records));
  expect(await caller().domains.verify({ organizationId, domainName })).toMatchObject({ ownershipStatus: 'VERIFIED', dkimStatus: 'VERIFIED' });
  await caller().domains.setDefault({ organizationId, domainName });
  return domainName;
}

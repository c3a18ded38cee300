import { domainAttention } from '@mailyard/core/mail-domains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { listDkimKeys } from '@mailyard/db/queries/mail-domains';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { scheduleDomainChecks } from '../../src/services/mail-domains/schedule-checks.ts';
import { DAY_MS } from '../../src/platform/clock.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, testClock, type TestDeps } from '../support/deps.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { mergeZones, uniqueDomain, zoneOf } from '../support/domains.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createEnabledUser } from '../support/users.ts';

/**
 * The verification walk against a real DNS server (dnsmasq on loopback): register → PENDING with the reason →
 * publish the records → Verify now → VERIFIED → remove the TXT record → the daily check flags the domain.
 */
let deps: TestDeps;
let dns: TestDnsServer;
let op: TestOperator;
let organizationId: string;
const clock = testClock(new Date('2026-12-01T09:00:00Z'));
const domain = uniqueDomain();

beforeAll(async () => {
  dns = await startDnsServer(['example.com']);
  deps = await createTestDeps({ MAILYARD_DNS_SERVERS: dns.address, MAILYARD_MX_HOST: 'mx.mailyard.example', MAILYARD_PUBLIC_URL: 'https://mail.mailyard.example' }, clock);
  op = await createOperator(deps);
  ({ organizationId } = await createActiveOrganization(deps, op.actor));
});
afterAll(async () => {
  await dns.stop();
  await deps.database.drop();
});

const caller = () => callerFor(deps, op.actor);
const get = (domainName = domain) => caller().domains.get({ organizationId, domainName });

describe('domain verification through DNS', () => {
  it('registers a domain PENDING, saying which record is missing, with the records to publish', async () => {
    await caller().domains.register({ organizationId, domainName: domain.toUpperCase() + '.' });
    const d = await get();
    expect(d).toMatchObject({ domain, ownershipStatus: 'PENDING', dkimStatus: 'PENDING', isDefault: false, verifiedAt: null });
    expect(d.ownershipReason).toBe(`No TXT record at _mailyard.${domain}.`);
    expect(d.dkimReason).toMatch(new RegExp(`^No TXT record at mailyard-\\d{8}-[0-9a-f]{4}\\._domainkey\\.${domain.replace(/\./g, '\\.')}\\.$`));
    expect(d.records.map((r) => [r.purpose, r.type, r.hostname])).toEqual([
      ['ownership', 'TXT', `_mailyard.${domain}`],
      ['mx', 'MX', domain],
      ['spf', 'TXT', domain],
      ['dkim', 'TXT', expect.stringMatching(/^mailyard-\d{8}-[0-9a-f]{4}\._domainkey\./)],
      ['dmarc', 'TXT', `_dmarc.${domain}`],
      ['autodiscover', 'CNAME', `autodiscover.${domain}`],
    ]);
    expect(d.records.find((r) => r.purpose === 'mx')!.value).toBe('10 mx.mailyard.example');
    expect(d.records.find((r) => r.purpose === 'autodiscover')!.value).toBe('mail.mailyard.example');
    // A 2048-bit RSA key: its DER SubjectPublicKeyInfo is 294 bytes.
    const p = d.records.find((r) => r.purpose === 'dkim')!.value.split('p=')[1]!;
    expect(Buffer.from(p, 'base64').length).toBe(294);
    expect(d.checks.every((c) => c.result === 'missing')).toBe(true);
  });

  it('refuses addresses on the domain until it is verified, saying so', async () => {
    const refused = await failure(createEnabledUser(deps, op.actor, organizationId, { email: `ann@${domain}` }));
    expect(refused).toMatchObject({ domainCode: 'DOMAIN.NOT_VERIFIED', message: expect.stringMatching(/not verified yet: publish its DNS records/) });
    const notDefault = await failure(caller().domains.setDefault({ organizationId, domainName: domain }));
    expect(notDefault.domainCode).toBe('DOMAIN.NOT_VERIFIED');
  });

  it('verifies on Verify now once the records are published, record by record, and audits the change', async () => {
    await dns.publish(zoneOf((await get()).records));
    const d = await caller().domains.verify({ organizationId, domainName: domain });
    expect(d).toMatchObject({ ownershipStatus: 'VERIFIED', dkimStatus: 'VERIFIED', ownershipReason: null, dkimReason: null });
    expect(d.verifiedAt).toEqual(clock());
    expect(d.checks.map((c) => [c.purpose, c.result])).toEqual([
      ['ownership', 'found'],
      ['mx', 'found'],
      ['spf', 'found'],
      ['dkim', 'found'],
      ['dmarc', 'found'],
      ['autodiscover', 'found'],
    ]);
    // Verified: checked again in a day.
    expect(d.nextCheckAt!.getTime() - clock().getTime()).toBe(DAY_MS);
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'domain.', after: null, limit: 50 });
    expect(events.find((e) => e.action === 'domain.verification')).toMatchObject({
      targetId: domain,
      before: { ownershipStatus: 'PENDING', dkimStatus: 'PENDING' },
      after: { ownershipStatus: 'VERIFIED', dkimStatus: 'VERIFIED' },
    });
    await createEnabledUser(deps, op.actor, organizationId, { email: `ann@${domain}` });
    await caller().domains.setDefault({ organizationId, domainName: domain });
    expect((await caller().organizations.get({ organizationId })).defaultMailDomain).toBe(domain);
  });

  it('flags a verified domain whose TXT record vanished at the daily check, and keeps it working', async () => {
    await dns.publish(zoneOf((await get()).records, ['ownership']));
    clock.advance(DAY_MS + 1000);
    await scheduleDomainChecks(deps.db, clock(), clock(), deps.config.MAILYARD_DOMAIN_CHECK_SECONDS);
    await runDueJobs(deps, jobRegistry);
    const d = await get();
    expect(d).toMatchObject({ ownershipStatus: 'FAILED', ownershipReason: `No TXT record at _mailyard.${domain}.`, dkimStatus: 'VERIFIED' });
    const org = await caller().organizations.get({ organizationId });
    const flagged = org.domains.filter((x) => domainAttention(x).length > 0);
    expect(flagged.map((x) => [x.domain, domainAttention(x)])).toEqual([[domain, [`No TXT record at _mailyard.${domain}.`]]]);
    // Mail keeps flowing while the operator fixes DNS: the domain stays usable.
    expect(d.verifiedAt).not.toBeNull();
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'domain.', after: null, limit: 50 });
    expect(events.find((e) => e.action === 'domain.verification' && (e.after as { ownershipStatus: string }).ownershipStatus === 'FAILED')).toMatchObject({
      actorType: 'system',
    });
    // Published again: the pending pace finds it.
    await dns.publish(zoneOf(d.records));
    clock.advance(deps.config.MAILYARD_DOMAIN_CHECK_SECONDS * 1000 + 1000);
    await scheduleDomainChecks(deps.db, clock(), clock(), deps.config.MAILYARD_DOMAIN_CHECK_SECONDS);
    await runDueJobs(deps, jobRegistry);
    expect((await get()).ownershipStatus).toBe('VERIFIED');
  });

  it('rotates the DKIM key: the new selector is published beside the old, and takes over once DNS has it', async () => {
    const before = await get();
    const oldSelector = before.records.find((r) => r.purpose === 'dkim')!.selector!;
    clock.advance(DAY_MS);
    const { selector } = await caller().domains.rotateDkim({ organizationId, domainName: domain });
    expect(selector).not.toBe(oldSelector);
    const rotating = await get();
    expect(rotating.records.filter((r) => r.purpose === 'dkim').map((r) => [r.selector, r.keyState])).toEqual([
      [oldSelector, 'active'],
      [selector, 'next'],
    ]);
    expect((await failure(caller().domains.rotateDkim({ organizationId, domainName: domain }))).domainCode).toBe('DOMAIN.ROTATION_PENDING');
    // Not yet in DNS: the old key keeps signing.
    expect((await caller().domains.verify({ organizationId, domainName: domain })).records.filter((r) => r.purpose === 'dkim')).toHaveLength(2);
    await dns.publish(zoneOf(rotating.records));
    const after = await caller().domains.verify({ organizationId, domainName: domain });
    expect(after.records.filter((r) => r.purpose === 'dkim').map((r) => [r.selector, r.keyState])).toEqual([[selector, 'active']]);
    expect(after.dkimStatus).toBe('VERIFIED');
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'domain.', after: null, limit: 50 });
    expect(events.find((e) => e.action === 'domain.verification' && (e.after as { dkimRotatedTo?: string }).dkimRotatedTo === selector)).toBeDefined();
  });

  it('says a DNS record holds a different key, and that DNS could not be asked', async () => {
    const other = uniqueDomain();
    await caller().domains.register({ organizationId, domainName: other });
    const records = (await get(other)).records;
    const dkim = records.find((r) => r.purpose === 'dkim')!;
    const zone = zoneOf(records, ['dkim']);
    await dns.publish(mergeZones(zoneOf((await get()).records), zone, { txt: [[dkim.hostname, 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwrong']] }));
    const d = await caller().domains.verify({ organizationId, domainName: other });
    expect(d).toMatchObject({ ownershipStatus: 'VERIFIED', dkimStatus: 'FAILED', dkimReason: `The DKIM record at ${dkim.hostname} holds a different key: replace it with the one shown.` });

    const unreachable = await createTestDeps({ MAILYARD_DNS_SERVERS: '127.0.0.1:9' }, clock);
    try {
      const unreachableOp = await createOperator(unreachable);
      const org = await createActiveOrganization(unreachable, unreachableOp.actor);
      const name = uniqueDomain();
      await callerFor(unreachable, unreachableOp.actor).domains.register({ organizationId: org.organizationId, domainName: name });
      const seen = await callerFor(unreachable, unreachableOp.actor).domains.get({ organizationId: org.organizationId, domainName: name });
      expect(seen.ownershipStatus).toBe('PENDING');
      expect(seen.checks[0]).toMatchObject({ result: 'unreachable', reason: expect.stringMatching(/DNS could not be asked about _mailyard\..*the check will be repeated/) });
    } finally {
      await unreachable.database.drop();
    }
  }, 30_000);
});

describe('one domain, one organization', () => {
  it('refuses a domain another organization has verified, naming no one, and stores nothing', async () => {
    const stranger = await createOperator(deps);
    const theirs = await createActiveOrganization(deps, stranger.actor);
    const refused = await failure(callerFor(deps, stranger.actor).domains.register({ organizationId: theirs.organizationId, domainName: domain }));
    expect(refused).toMatchObject({ domainCode: 'DOMAIN.IN_USE', message: `The domain ${domain} is already in use by another organization.` });
    expect(refused.message).not.toContain(organizationId);
    expect((await callerFor(deps, stranger.actor).organizations.get({ organizationId: theirs.organizationId })).domains.map((d) => d.domain)).not.toContain(domain);
  });

  it('lets claims pending proof coexist; whoever publishes their token first proves it, the other fails with the reason', async () => {
    const contested = uniqueDomain();
    const squatter = await createOperator(deps);
    const squatterOrg = await createActiveOrganization(deps, squatter.actor);
    await callerFor(deps, squatter.actor).domains.register({ organizationId: squatterOrg.organizationId, domainName: contested });
    await caller().domains.register({ organizationId, domainName: contested });
    // The real owner publishes its own token.
    await dns.publish(zoneOf((await get(contested)).records));
    expect((await caller().domains.verify({ organizationId, domainName: contested })).ownershipStatus).toBe('VERIFIED');
    const lost = await callerFor(deps, squatter.actor).domains.verify({ organizationId: squatterOrg.organizationId, domainName: contested });
    expect(lost).toMatchObject({ ownershipStatus: 'FAILED', verifiedAt: null, ownershipReason: expect.stringMatching(/verified by another organization/) });
  });
});

describe('removing a domain', () => {
  it('is refused while addresses use it, naming how many; never for the test or default domain', async () => {
    const org = await caller().organizations.get({ organizationId });
    const testDomain = org.domains.find((d) => d.isTestDomain)!.domain;
    expect(await failure(caller().domains.deregister({ organizationId, domainName: testDomain }))).toMatchObject({
      domainCode: 'DOMAIN.PROTECTED',
      message: `${testDomain} is the organization's free test domain: it cannot be removed.`,
    });
    expect((await failure(caller().domains.deregister({ organizationId, domainName: domain }))).message).toMatch(/is the default domain/);
    await caller().domains.setDefault({ organizationId, domainName: testDomain });
    await createEnabledUser(deps, op.actor, organizationId, { email: `bob@${domain}` });
    expect(await failure(caller().domains.deregister({ organizationId, domainName: domain }))).toMatchObject({
      domainCode: 'DOMAIN.HAS_ADDRESSES',
      message: `${domain} is used by 2 addresses of users, groups or aliases: remove them or move them to another domain first.`,
    });
  });

  it('removes an unused domain with its keys, audited', async () => {
    const spare = uniqueDomain();
    await caller().domains.register({ organizationId, domainName: spare });
    await caller().domains.deregister({ organizationId, domainName: spare });
    expect((await failure(get(spare))).domainCode).toBe('DOMAIN.NOT_FOUND');
    expect(await listDkimKeys(deps.db, organizationId, spare)).toEqual([]);
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'domain.', after: null, limit: 50 });
    expect(events.find((e) => e.action === 'domain.deregister' && e.targetId === spare)).toBeDefined();
  });
});

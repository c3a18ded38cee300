import { afterAll, describe, expect, it } from 'vitest';
import { callerFor } from '@mailyard/server/testing/caller';
import { startDnsServer } from '@mailyard/server/testing/dns';
import { uniqueDomain, zoneOf } from '@mailyard/server/testing/domains';
import { createActiveOrganization } from '@mailyard/server/testing/users';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * The Domains page in Chromium against the real server and a real DNS server (dnsmasq on loopback): add a domain
 * (a public suffix refused beside the field), read its records, publish them, Verify now, Set as default, and see a
 * vanished record flagged on the overview. Needs `pnpm --filter @mailyard/admin build`.
 */
const dns = await startDnsServer(['example.com']);
const domain = uniqueDomain();
let organizationId = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-domains-',
  env: { MAILYARD_DNS_SERVERS: dns.address, MAILYARD_MX_HOST: 'mx.mailyard.example' },
  async setup(deps, op) {
    ({ organizationId } = await createActiveOrganization(deps, op.actor));
  },
});
afterAll(() => dns.stop());

const base = () => `/admin/organizations/${organizationId}`;
const records = () => callerFor(session.deps, session.op.actor).domains.get({ organizationId, domainName: domain }).then((d) => d.records);

describe('admin console: domains', { timeout: 90_000 }, () => {
  it('adds a domain from the Domains page, refusing a public suffix beside the field', async () => {
    const { page } = session;
    await page.goto(`${base()}/domains`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Domains', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add domain' }).click();
    const add = page.getByRole('dialog', { name: 'Add domain' });
    await add.getByLabel('Domain name').fill('co.uk');
    await add.getByRole('button', { name: 'Add domain' }).click();
    await add.getByText('co.uk is a public suffix').waitFor();
    await add.getByLabel('Domain name').fill(domain);
    await add.getByRole('button', { name: 'Add domain' }).click();
    await page.getByRole('heading', { name: domain, level: 1 }).waitFor();
    await page.getByText(`No TXT record at _mailyard.${domain}.`).first().waitFor();
    expect(await page.getByRole('button', { name: 'Copy Value' }).count()).toBe(6);
    await screenshot(page, 'domains-01-pending');
  });

  it('verifies with Verify now once the records are published, and sets the domain as default', async () => {
    const { page } = session;
    await dns.publish(zoneOf(await records()));
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect.poll(() => page.getByText('Found').count()).toBe(6);
    await page.getByRole('button', { name: 'Set as default' }).click();
    await page.getByText('Default', { exact: true }).first().waitFor();
    await screenshot(page, 'domains-02-verified');
    await page.goto(`${base()}/domains`);
    await page.getByRole('row').filter({ hasText: domain }).getByText('Verified').first().waitFor();
    await screenshot(page, 'domains-03-list');
  });

  it('flags the domain on the overview when its ownership record vanishes', async () => {
    const { page } = session;
    await dns.publish(zoneOf(await records(), ['ownership']));
    await callerFor(session.deps, session.op.actor).domains.verify({ organizationId, domainName: domain });
    await page.goto(base());
    await page.getByText(`DNS records of ${domain} are missing`).waitFor();
    await screenshot(page, 'domains-04-flagged');
    expect(session.errors).toEqual([]);
  });
});

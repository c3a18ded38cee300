import { describe, expect, it } from 'vitest';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createEnabledUser } from '@mailyard/server/testing/users';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * An organization's Access control rules page in Chromium against the real server: the default rule listed, a rule
 * added (a bad range refused beside its field, naming the line), evaluated for a user, edited and deleted after
 * confirming, with the warning when the last rule that allows goes. Needs `pnpm --filter @mailyard/admin build`.
 */
let organizationId = '';
let userName = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-access-rules-',
  async setup(deps, op) {
    ({ organizationId } = await createActiveOrganization(deps, op.actor));
    ({ name: userName } = await createEnabledUser(deps, op.actor, organizationId, { name: 'ada' }));
  },
});

const rules = () => callerFor(session.deps, session.op.actor).accessRules.list({ organizationId });

describe('admin console: access control rules', { timeout: 120_000 }, () => {
  it('lists the default rule and adds a rule, refusing a bad range beside its field', async () => {
    const { page } = session;
    await page.goto(`/admin/organizations/${organizationId}/access-rules`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Access control rules', level: 1 }).waitFor();
    await page.getByRole('row', { name: /default Allow Everyone, every protocol, any address/ }).waitFor();

    await page.getByRole('button', { name: 'Add rule' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add rule' });
    await add.getByLabel('Name').fill('no-imap-from-lan');
    await add.getByLabel('Description - optional').fill('LAN clients use the portal');
    await add.getByLabel('From addresses').fill('10.0.0.0/8\n10.0.0.0/33');
    await add.getByRole('button', { name: 'Add rule' }).click();
    await add.getByText('Line 2: Enter an IPv4 or IPv6 range in CIDR form').waitFor();
    await add.getByLabel('From addresses').fill('10.0.0.0/8\nfd00::/8');
    await add.getByText('Any protocol').first().click();
    await page.getByRole('option', { name: /IMAP/ }).click();
    await add.getByLabel('Name').click();
    await screenshot(page, 'access-rules-01-add');
    await add.getByRole('button', { name: 'Add rule' }).click();
    await page.getByText('Rule no-imap-from-lan was added.').waitFor();
    await page.getByRole('row', { name: /no-imap-from-lan Deny protocols IMAP; from 10.0.0.0\/8, fd00::\/8/ }).waitFor();
    expect((await rules()).map((r) => [r.name, r.effect, r.actions, r.ipRanges])).toEqual([
      ['default', 'ALLOW', [], []],
      ['no-imap-from-lan', 'DENY', ['IMAP'], ['10.0.0.0/8', 'fd00::/8']],
    ]);
  });

  it('evaluates the rules for a user, protocol and address', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.getByText('Choose a user.').waitFor();
    await page.getByText('Any user').first().click();
    await page.getByRole('option', { name: new RegExp(userName) }).click();
    await page.getByLabel('Client address').click();
    await page.getByLabel('Client address').fill('10.1.2.3');
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.getByRole('status').getByText('Denied').waitFor();
    await page.getByText('Decided by: no-imap-from-lan').waitFor();
    await screenshot(page, 'access-rules-02-evaluate');
    await page.getByLabel('Client address').fill('192.0.2.1');
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.getByText('Decided by: default').waitFor();
  });

  it('edits a rule, and deletes one after confirming, warning when the last rule that allows goes', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'Rule no-imap-from-lan' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit rule no-imap-from-lan' });
    await edit.getByRole('radio', { name: /Allow/ }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Rule no-imap-from-lan was saved.').waitFor();
    await page.getByRole('row', { name: /no-imap-from-lan Allow/ }).waitFor();

    await page.getByRole('radio', { name: 'Rule default' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete rule default?' });
    expect(await confirm.getByText('No rule will allow access').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Rule default was deleted.').waitFor();

    await page.getByRole('radio', { name: 'Rule no-imap-from-lan' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    const last = page.getByRole('dialog', { name: 'Delete rule no-imap-from-lan?' });
    await last.getByText('No rule will allow access').waitFor();
    await screenshot(page, 'access-rules-03-delete-last');
    await last.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No rule allows access').waitFor();
    await page.getByText('No rules', { exact: true }).waitFor();
    await screenshot(page, 'access-rules-04-none');
    expect(await rules()).toEqual([]);
  });
});

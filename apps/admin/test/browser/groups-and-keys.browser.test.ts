import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { NESTED_GROUPS_NOT_SUPPORTED } from '@mailyard/core/groups';
import { BYTES_PER_MB } from '@mailyard/core/mailboxes';
import { ARTIFACTS_DIR, pickSuggestion, screenshot, useBrowserSession } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createMailboxUser } from '@mailyard/server/testing/mailbox-fixtures';
import { reportUsage } from '@mailyard/server/testing/portal-fixtures';

/**
 * The console's groups, Activity, Outbox, organization settings, access keys and API tokens in Chromium against
 * the real server (built admin app, /trpc, a real database, the job worker). Needs `pnpm --filter @mailyard/admin build`.
 */
const SUFFIX = 'mail.example.net';
let org: { organizationId: string; domain: string };
let spare: { organizationId: string; domain: string };
let alias = '';
let spareAlias = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-',
  env: { MAILYARD_TEST_DOMAIN_SUFFIX: SUFFIX },
  permissions: ['clipboard-read', 'clipboard-write'],
  async setup(deps, op) {
    org = await createActiveOrganization(deps, op.actor);
    spare = await createActiveOrganization(deps, op.actor);
    alias = (await callerFor(deps, op.actor).organizations.get({ organizationId: org.organizationId })).alias;
    spareAlias = (await callerFor(deps, op.actor).organizations.get({ organizationId: spare.organizationId })).alias;
    await createMailboxUser(deps, op.actor, org, 'alice');
    await createMailboxUser(deps, op.actor, org, 'albert');
    await createMailboxUser(deps, op.actor, spare, 'sam');
    // A group created disabled (no address), to nest and to enable from the list.
    await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: 'Support' });
    // A mailbox past 90 %: its warning lands in the outbox (no SMTP_URL).
    const bob = await createMailboxUser(deps, op.actor, org, 'bob');
    await callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: org.organizationId, userId: bob.userId, quotaMb: 100 });
    await reportUsage(deps, bob.email, 95 * BYTES_PER_MB);
  },
});

const base = () => `/admin/organizations/${org.organizationId}`;
const dialog = (name: string) => session.page.getByRole('dialog', { name });
const sideNav = () => session.page.locator('nav').filter({ has: session.page.getByRole('link', { name: 'Access keys' }) });
/** What the screen shows now (a modal sits in the viewport, which a full-page capture misplaces). */
const shot = (name: string) => session.page.screenshot({ path: path.join(ARTIFACTS_DIR, `groups-keys-${name}.png`), animations: 'disabled' });
const fullShot = (name: string) => screenshot(session.page, `groups-keys-${name}`);

/** Clears the Flashbar, so each screenshot shows its own page's message. */
async function dismissNotices() {
  await session.page.evaluate(`document.querySelectorAll('button[aria-label="Dismiss message"]').forEach((b) => b.click())`);
  await expect.poll(() => session.page.getByRole('button', { name: 'Dismiss message' }).count()).toBe(0);
}

const pick = (combobox: Locator, text: string, option: RegExp) => pickSuggestion(session.page, combobox, text, option);

describe('admin console: groups, activity, outbox, settings, access keys and API tokens', { timeout: 90_000 }, () => {
  it('signs in and previews the installation test domain on the create page', async () => {
    await session.page.goto('/admin/organizations/create');
    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByLabel('Organization name').fill('preview-corp');
    await session.page.getByText(`preview-corp.${SUFFIX}`).waitFor();
  });

  it('creates a group with an address, from the empty list', async () => {
    await session.page.goto(`${base()}/groups`);
    await session.page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Support' }).waitFor();
    await session.page.getByRole('link', { name: 'Create group' }).click();
    await session.page.getByRole('heading', { name: 'Create group', level: 1 }).waitFor();

    // The core rule, before anything is sent.
    await session.page.getByLabel('Group name').fill('abuse');
    await session.page.getByRole('button', { name: 'Create group' }).click();
    await session.page.getByText('"abuse" is reserved for the mail system').waitFor();
    await session.page.getByLabel('Group name').fill('Sales team');
    await session.page.getByLabel('Email address, part before @').fill('sales');
    await expect.poll(() => session.page.getByRole('button', { name: 'Email address, domain' }).innerText()).toContain(org.domain);
    await fullShot('01-create-group');
    await session.page.getByRole('button', { name: 'Create group' }).click();

    await session.page.getByRole('heading', { name: 'Sales team', level: 1 }).waitFor();
    await session.page.getByText(`Group Sales team was created and enabled with sales@${org.domain}.`).waitFor();
    await session.page.getByText('No members').waitFor();
  });

  it('adds a member through the search, and shows the refusal of a nested group', async () => {
    await session.page.getByRole('button', { name: 'Add member' }).first().click();
    const add = dialog('Add member to Sales team');
    await pick(add.getByRole('combobox', { name: 'User or group' }), 'ali', /alice/);
    await shot('02-add-member');
    await add.getByRole('button', { name: 'Add member' }).click();
    await session.page.getByText('alice was added to group Sales team.').waitFor();
    const members = session.page.getByRole('table').filter({ hasText: 'Email address' });
    await members.getByRole('row').filter({ hasText: `alice@${org.domain}` }).waitFor();
    // The tab's total (the server's count: with more members than a page, the rows loaded so far would say "50+").
    await session.page.getByRole('heading', { name: 'Members (1)' }).waitFor();

    // The built-in directory refuses nested groups: the server's message is shown in the dialog.
    await session.page.getByRole('button', { name: 'Add member' }).first().click();
    const nested = dialog('Add member to Sales team');
    await pick(nested.getByRole('combobox', { name: 'User or group' }), 'Supp', /Support/);
    await nested.getByRole('button', { name: 'Add member' }).click();
    await nested.getByText(NESTED_GROUPS_NOT_SUPPORTED).waitFor();
    await shot('03-nested-group-refused');
    await nested.getByRole('button', { name: 'Cancel' }).click();
    await fullShot('04-group-detail');
  });

  it("adds an alias to the group and makes it the group's primary address", async () => {
    await session.page.getByRole('tab', { name: 'Email addresses' }).click();
    await session.page.getByRole('button', { name: 'Add alias' }).click();
    const add = dialog('Add alias to Sales team');
    await add.getByLabel('Alias, part before @').fill('team');
    await add.getByRole('button', { name: 'Add alias' }).click();
    await session.page.getByText(`The alias team@${org.domain} was added to group Sales team.`).waitFor();
    await session.page.getByRole('radio', { name: `Select team@${org.domain}` }).click();
    await session.page.getByRole('button', { name: 'Set as primary' }).click();
    await session.page.getByText(`team@${org.domain} is now the primary address of Sales team.`, { exact: false }).waitFor();
    await session.page.getByRole('row').filter({ hasText: `team@${org.domain}` }).getByText('Primary').waitFor();
    await fullShot('04b-group-addresses');
  });

  it('enables a disabled group from the list, with the address reviewed in the dialog', async () => {
    await dismissNotices();
    await session.page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Groups' }).click();
    await session.page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await session.page.getByRole('checkbox', { name: 'Select group Support' }).click();
    await session.page.getByRole('button', { name: 'Enable', exact: true }).click();
    const enable = dialog('Enable group Support');
    expect(await enable.getByLabel('Email address of Support, part before @').inputValue()).toBe('support');
    await enable.getByLabel('Email address of Support, part before @').fill('alice');
    await enable.getByRole('button', { name: 'Enable' }).click();
    // alice@ is alice's: the row stays, with the server's reason.
    await enable.getByText(/already in use/).waitFor();
    await shot('05-enable-group-address-in-use');
    await enable.getByLabel('Email address of Support, part before @').fill('helpdesk');
    await enable.getByRole('button', { name: 'Enable' }).click();
    await session.page.getByText('Enabled group Support.').waitFor();
    const row = session.page.getByRole('row').filter({ hasText: 'Support' });
    await row.getByText(`helpdesk@${org.domain}`).waitFor();
    await row.getByText('Enabled').waitFor();

    // Server-side search and state filter.
    await session.page.getByRole('searchbox', { name: /Find groups/ }).fill('help');
    await expect.poll(() => session.page.getByRole('row').count()).toBe(2); // header + Support
    await session.page.getByRole('searchbox', { name: /Find groups/ }).fill('');
    await expect.poll(() => session.page.getByRole('row').count()).toBe(3);
    await fullShot('06-groups-list');
  });

  it('disables groups in bulk, deletes a disabled one after typed confirmation, and finds it under Deleted', async () => {
    await dismissNotices();
    await session.page.getByRole('checkbox', { name: 'Select group Sales team' }).click();
    await session.page.getByRole('checkbox', { name: 'Select group Support' }).click();
    await session.page.getByRole('button', { name: 'Disable', exact: true }).click();
    const disable = dialog('Disable 2 groups?');
    await disable.getByText('Sales team').waitFor();
    await disable.getByRole('button', { name: 'Disable' }).click();
    await session.page.getByText('Disabled 2 groups.').waitFor();
    await expect.poll(() => session.page.getByRole('row').filter({ has: session.page.getByText('Disabled', { exact: true }) }).count()).toBe(2);

    await session.page.getByRole('checkbox', { name: 'Select group Support' }).click();
    await session.page.getByRole('button', { name: 'Delete', exact: true }).click();
    const remove = dialog('Delete group Support?');
    expect(await remove.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    await remove.getByLabel('Type delete to confirm').fill('delete');
    await shot('07-delete-group');
    await remove.getByRole('button', { name: 'Delete' }).click();
    await session.page.getByText('Deleted group Support.').waitFor();
    await session.page.getByRole('checkbox', { name: 'Select group Sales team' }).click(); // unselect
    await expect.poll(() => session.page.getByRole('row').count()).toBe(2); // header + Sales team

    await session.page.getByRole('button', { name: 'Filter groups by state' }).click();
    await session.page.getByRole('option', { name: 'Deleted' }).click();
    await session.page.getByRole('row').filter({ hasText: 'Support' }).getByText('Deleted').waitFor();
  });

  it('creates an access key and shows its secret once', async () => {
    await dismissNotices();
    await sideNav().getByRole('link', { name: 'Access keys' }).click();
    await session.page.getByRole('heading', { name: 'Access keys', level: 1 }).waitFor();
    await session.page.getByText('No access keys').waitFor();
    await session.page.getByRole('button', { name: 'Create access key' }).first().click();
    await dialog('Create access key').getByLabel('Description').fill('Backup script');
    await dialog('Create access key').getByRole('button', { name: 'Create access key' }).click();

    const created = dialog('Access key created');
    await created.getByText('This is the only time the secret access key can be viewed or downloaded.').waitFor();
    const text = await created.innerText();
    const keyId = /AKIA[A-Z2-7]{16}/.exec(text)![0];
    const secret = /[A-Za-z0-9+/]{40}/.exec(text.replace(keyId, ''))![0];
    await created.getByRole('button', { name: 'Copy Secret access key' }).click();
    await expect.poll(() => session.page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await shot('08-access-key-secret');
    await created.getByRole('button', { name: 'Done' }).click();

    const row = session.page.getByRole('row').filter({ hasText: keyId });
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByText('Backup script').waitFor();
    expect(await session.page.getByText(secret).count()).toBe(0); // never shown again
    expect(await session.page.content()).not.toContain(secret);

    // Deactivate (confirmed), then activate again.
    await session.page.getByRole('radio', { name: `Select access key ${keyId}` }).click();
    await session.page.getByRole('button', { name: 'Deactivate' }).click();
    await dialog(`Deactivate access key ${keyId}?`).getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Inactive').waitFor();
    await session.page.getByRole('button', { name: 'Activate' }).click();
    // Exact: "Inactive" contains "active", and Playwright's text match ignores case.
    await row.getByText('Active', { exact: true }).waitFor();
    await session.page.getByText(`Access key ${keyId} is active again.`).waitFor();
    await fullShot('08b-access-keys');
  });

  it('creates a read-only API token for one organization, shown once', async () => {
    await dismissNotices();
    await sideNav().getByRole('link', { name: 'API tokens' }).click();
    await session.page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await session.page.getByRole('link', { name: 'Create API token' }).first().click();
    await session.page.getByRole('heading', { name: 'Create API token', level: 1 }).waitFor();

    // Only chosen organizations: at least one is needed.
    await session.page.getByLabel('Name').fill('Nightly export');
    await session.page.getByRole('radio', { name: /Only the organizations I choose/ }).click();
    await session.page.getByRole('button', { name: 'Create API token' }).click();
    await session.page.getByText('Choose at least one organization.').waitFor();
    await session.page.getByRole('button', { name: 'Organizations' }).click();
    await session.page.getByRole('option', { name: new RegExp(alias) }).click();
    await session.page.keyboard.press('Escape');
    await shot('09-create-api-token');
    await session.page.getByRole('button', { name: 'Create API token' }).click();

    const created = dialog('API token Nightly export created');
    await created.getByText('This is the only time the token can be viewed.').waitFor();
    const token = /myd_[A-Za-z0-9_-]+/.exec(await created.innerText())![0];
    await shot('10-api-token-created');
    await created.getByRole('button', { name: 'Done' }).click();

    // The list's total (the server's count, fetched again after the create) names the new token.
    await session.page.getByRole('heading', { name: 'API tokens (1)', level: 1 }).waitFor();
    const row = session.page.getByRole('row').filter({ hasText: 'Nightly export' });
    await row.getByText('Read-only').waitFor();
    await row.getByText(alias).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await session.page.content()).not.toContain(token);
    await fullShot('11-api-tokens');

    // The token is real: read-only, and it reaches its organization only.
    const tokenCaller = await fetch(`${session.server.url}/trpc/organizations.get?input=${encodeURIComponent(JSON.stringify({ json: { organizationId: spare.organizationId } }))}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(tokenCaller.status).toBe(404);
  });

  it("shows the group changes in the organization's Activity, and the keys in the account's", async () => {
    await dismissNotices();
    await session.page.goto(`${base()}/activity`);
    await session.page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Added group member' }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Created group' }).filter({ hasText: 'Sales team' }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Enabled group' }).waitFor();

    // Filter by action: only membership changes; open the before/after.
    await session.page.getByRole('combobox', { name: /Filter by action/ }).fill('group.member');
    await session.page.keyboard.press('Escape'); // close the suggestions
    await expect.poll(() => session.page.getByRole('row').count()).toBe(2);
    // The heading's total is the server's count under the same filter, not the rows loaded.
    await expect.poll(() => session.page.getByRole('heading', { level: 1 }).innerText()).toBe('Activity (1)');
    const event = session.page.getByRole('row').filter({ hasText: 'Added group member' });
    await event.getByRole('button', { name: /Changes of Added group member/ }).click();
    await event.getByText('member.name').waitFor();
    await fullShot('12-organization-activity');

    // A prefix the server would refuse is explained, not sent.
    await session.page.getByRole('combobox', { name: /Filter by action/ }).fill('Group!');
    await session.page.getByText('Action filter may contain only lower-case letters, dots and underscores.').waitFor();
    await session.page.getByRole('combobox', { name: /Filter by action/ }).fill('');

    // Filter by actor.
    await session.page.getByRole('searchbox', { name: /Filter by actor/ }).fill('nobody@');
    await session.page.getByText('No matching events').waitFor();
    await expect.poll(() => session.page.getByRole('heading', { level: 1 }).innerText()).toBe('Activity (0)');

    await sideNav().getByRole('link', { name: 'Account activity' }).click();
    await session.page.getByRole('heading', { name: 'Account activity', level: 1 }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Created access key' }).filter({ hasText: 'Backup script' }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Deactivated access key' }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Created API token' }).filter({ hasText: 'Nightly export' }).waitFor();
    await session.page.getByRole('row').filter({ hasText: 'Created group' }).filter({ hasText: 'Sales team' }).getByRole('link', { name: alias }).waitFor();
    await expect.poll(() => session.page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Account activity \(\d+\)$/);
    // Fewer events than a page: the total is every row shown.
    const total = Number(/\((\d+)\)/.exec(await session.page.getByRole('heading', { level: 1 }).innerText())![1]);
    expect(total).toBeLessThan(50);
    expect(await session.page.getByRole('row').count()).toBe(total + 1);
    await shot('13-account-activity');
  });

  it("lists the organization's kept notices in the Outbox", async () => {
    await session.page.goto(`${base()}/outbox`);
    await session.page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    const row = session.page.getByRole('row').filter({ hasText: `bob@${org.domain}` });
    await row.getByText('Kept (no SMTP relay)').waitFor();
    await fullShot('14-outbox');
    await row.getByRole('button', { name: /Read notice/ }).click();
    await session.page.getByRole('dialog').getByText('Quota warning').waitFor();
    await shot('15-outbox-notice');
    await session.page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('edits the self-service alias policy of the organization', async () => {
    await dismissNotices();
    await session.page.goto(base());
    await session.page.getByRole('heading', { name: 'Self-service aliases' }).waitFor();
    await session.page.getByRole('button', { name: 'Edit' }).click();
    const edit = dialog('Edit self-service aliases');
    await edit.getByText('Let users add their own aliases').click();
    await edit.getByLabel('Aliases per user').fill('500');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('The alias limit must be at most 100.').waitFor();
    await edit.getByLabel('Aliases per user').fill('3');
    await edit.getByLabel(/Pattern/).fill('[a-z]+(');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('The pattern is not a valid regular expression.').waitFor();
    await edit.getByLabel(/Pattern/).fill('[a-z]+');
    await shot('16-alias-policy');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await session.page.getByText('The self-service alias policy was saved.').waitFor();
    await session.page.getByText('Allowed', { exact: true }).waitFor();
    await session.page.getByText('[a-z]+', { exact: true }).waitFor();
    expect((await callerFor(session.deps, session.op.actor).portalAdmin.getAliasPolicy({ organizationId: org.organizationId })).policy).toMatchObject({
      allowed: true,
      maxPerUser: 3,
      localPartPattern: '[a-z]+',
    });
  });

  it('deletes an organization with enabled users only with ForceDelete, and follows it to Deleted', async () => {
    await session.page.goto(`/admin/organizations/${spare.organizationId}`);
    await session.page.getByRole('heading', { name: spareAlias, level: 1 }).waitFor();
    await session.page.getByRole('button', { name: 'Delete' }).click();
    const remove = dialog(`Delete organization ${spareAlias}?`);
    await remove.getByLabel('Organization alias to confirm').fill(spareAlias);
    // sam is enabled: Delete waits for the ForceDelete box.
    await remove.getByText('Delete even though users are enabled (force delete)').waitFor();
    expect(await remove.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    await remove.getByText('Delete even though users are enabled (force delete)').click();
    await shot('17-delete-organization');
    await remove.getByRole('button', { name: 'Delete' }).click();
    await session.page.getByText(`Organization ${spareAlias} is being deleted.`).waitFor();
    await session.page.getByText('Your organization has been deleted.').waitFor({ timeout: 30_000 });
    await session.page.getByText(`Organization ${spareAlias} was deleted.`).waitFor();
    await fullShot('18-organization-deleted');
    expect(session.errors).toEqual([]);
  });
});

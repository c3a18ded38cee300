import { describe, expect, it } from 'vitest';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createMailboxUser } from '@mailyard/server/testing/mailbox-fixtures';
import { pickSuggestion, screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * An organization's Resources pages in Chromium against the real server: create a room (a name a user holds refused
 * beside the field), turn automatic acceptance off once it has a delegate, enable it with an address, disable it and
 * delete it after typing "delete"; then the list: its total, a search, a sort and a state filter, kept in
 * the URL. Needs `pnpm --filter @mailyard/admin build`.
 */
let org: { organizationId: string; domain: string };

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-resources-',
  async setup(deps, op) {
    org = await createActiveOrganization(deps, op.actor);
    await createMailboxUser(deps, op.actor, org, 'alice');
  },
});

const resources = () => callerFor(session.deps, session.op.actor).resources;

describe('admin console: resources', { timeout: 120_000 }, () => {
  it('creates a room from the empty list, refusing a name a user holds beside the field', async () => {
    const { page } = session;
    await page.goto(`/admin/organizations/${org.organizationId}/resources`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Resources', level: 1 }).waitFor();
    await page.getByText('No resources').first().waitFor();
    await page.getByRole('button', { name: 'Create resource' }).first().click();
    const create = page.getByRole('dialog', { name: 'Create resource' });
    await create.getByLabel('Resource name').fill('alice');
    await create.getByLabel('Description - optional').fill('Third floor');
    await create.getByRole('button', { name: 'Create resource' }).click();
    await create.getByText('already used by the user "alice"').waitFor();
    await create.getByLabel('Resource name').fill('Boardroom');
    await create.getByRole('button', { name: 'Create resource' }).click();
    await page.getByRole('heading', { name: 'Boardroom', level: 1 }).waitFor();
    await page.getByText('Resource Boardroom was created.').waitFor();
    const { items } = await resources().list({ organizationId: org.organizationId });
    expect(items).toMatchObject([{ name: 'Boardroom', type: 'ROOM', description: 'Third floor', state: 'DISABLED' }]);
  });

  it('needs a delegate before automatic acceptance goes off, then turns it off', async () => {
    const { page } = session;
    await page.getByRole('checkbox', { name: 'Accept booking requests automatically' }).click();
    await page.getByText('needs at least one delegate').waitFor();
    await page.getByRole('button', { name: 'Add delegate' }).click();
    const add = page.getByRole('dialog', { name: 'Add delegate to Boardroom' });
    await pickSuggestion(page, add.getByLabel('User or group'), 'ali', /alice/);
    await add.getByRole('button', { name: 'Add delegate' }).click();
    await page.getByText('alice is now a delegate of Boardroom.').waitFor();
    await page.getByRole('row', { name: /alice User/ }).waitFor();
    await page.getByRole('checkbox', { name: 'Accept booking requests automatically' }).click();
    await page.getByText('Resource Boardroom was updated.').waitFor();
    await screenshot(page, 'resources-01-detail');
    const [room] = (await resources().list({ organizationId: org.organizationId })).items;
    expect((await resources().get({ organizationId: org.organizationId, resourceId: room!.id })).bookingOptions).toEqual({
      autoAcceptRequests: false,
      autoDeclineRecurringRequests: false,
      autoDeclineConflictingRequests: true,
    });
  });

  it('enables with an address, disables, and deletes after typing "delete"', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Enable' }).click();
    const enable = page.getByRole('dialog', { name: 'Enable resource Boardroom' });
    await enable.getByLabel('Email address').fill(`boardroom@${org.domain}`);
    await enable.getByRole('button', { name: 'Enable' }).click();
    await page.getByText(`Resource Boardroom was enabled with boardroom@${org.domain}.`).waitFor();
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Resource Boardroom was disabled.').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete resource Boardroom?' });
    await confirm.getByLabel('Type delete to confirm').fill('delete');
    await screenshot(page, 'resources-02-delete');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('This resource was deleted.').waitFor();
    expect((await resources().list({ organizationId: org.organizationId, state: 'DELETED' })).items).toMatchObject([{ name: 'Boardroom', email: null }]);
    expect(session.errors).toEqual([]);
  });

  it('lists with its total, finds a resource by a fragment in any case, sorts by type and filters by state, the view in the URL', async () => {
    const { page } = session;
    for (const [name, type] of [['salle.emeraude', 'ROOM'], ['projector-2', 'EQUIPMENT'], ['projector-1', 'EQUIPMENT']] as const) {
      await resources().create({ organizationId: org.organizationId, name, type });
    }
    const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });
    const names = () => page.getByRole('table').getByRole('link').allInnerTexts();
    const params = () => new URL(page.url()).searchParams;
    const header = (name: string) => page.getByRole('columnheader', { name });
    const searchBox = page.getByRole('searchbox', { name: /Find resources/ });
    await page.goto(`/admin/organizations/${org.organizationId}/resources`);
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Resources (3)');
    await poll(names).toEqual(['projector-1', 'projector-2', 'salle.emeraude']);

    await searchBox.fill('EMERAUD');
    await poll(names).toEqual(['salle.emeraude']);
    await poll(() => params().get('q')).toBe('EMERAUD');
    await page.reload();
    await poll(names).toEqual(['salle.emeraude']);
    await searchBox.fill('');
    await poll(names).toHaveLength(3);

    await header('Type').getByRole('button').click({ force: true });
    await poll(() => header('Type').getAttribute('aria-sort')).toBe('ascending');
    await header('Type').getByRole('button').click({ force: true });
    await poll(() => header('Type').getAttribute('aria-sort')).toBe('descending');
    await poll(names).toEqual(['salle.emeraude', 'projector-2', 'projector-1']);
    expect(params().get('sort')).toBe('type');
    await screenshot(page, 'resources-03-list-sorted');

    await page.getByRole('button', { name: 'Filter resources by state' }).click();
    await page.getByRole('option', { name: 'Deleted' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Resources (1)');
    await poll(names).toEqual(['Boardroom']);
    await page.goBack();
    await poll(names).toEqual(['salle.emeraude', 'projector-2', 'projector-1']);

    // Refresh fetches the page and its total again: a resource created meanwhile shows in both.
    await resources().create({ organizationId: org.organizationId, name: 'projector-3', type: 'EQUIPMENT' });
    await page.getByRole('button', { name: 'Refresh resources' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Resources (4)');
    await poll(names).toEqual(['salle.emeraude', 'projector-3', 'projector-2', 'projector-1']);
    expect(session.errors).toEqual([]);
  });
});

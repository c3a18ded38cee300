import { describe, expect, it } from 'vitest';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization } from '@mailyard/server/testing/users';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * An organization's Tags page in Chromium against the real server: add a tag (a reserved key refused beside the field),
 * change its value, remove the selected tags after confirming. Needs `pnpm --filter @mailyard/admin build`.
 */
let organizationId = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-tags-',
  async setup(deps, op) {
    ({ organizationId } = await createActiveOrganization(deps, op.actor));
  },
});

const tags = () => callerFor(session.deps, session.op.actor).organizations.listTags({ organizationId });

describe('admin console: tags', { timeout: 90_000 }, () => {
  it('adds a tag from the empty page, refusing a reserved key beside the field', async () => {
    const { page } = session;
    await page.goto(`/admin/organizations/${organizationId}/tags`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Tags', level: 1 }).waitFor();
    await page.getByText('This organization has no tags.').waitFor();
    await page.getByRole('button', { name: 'Add tag' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add tag' });
    await add.getByLabel('Key').fill('aws:owner');
    await add.getByLabel('Value').fill('Mail team');
    await add.getByRole('button', { name: 'Add tag' }).click();
    await add.getByText('Tag keys starting with "aws:" are reserved.').waitFor();
    await add.getByLabel('Key').fill('owner');
    await add.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag owner was added.').waitFor();
    await page.getByRole('row', { name: /owner Mail team/ }).waitFor();
    expect(await tags()).toEqual([{ key: 'owner', value: 'Mail team' }]);
  });

  it('changes the value of a key it has, saying so before saving', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Add tag' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add tag' });
    await add.getByLabel('Key').fill('owner');
    await add.getByText('its value "Mail team" will be replaced').waitFor();
    await add.getByLabel('Value').fill('Platform');
    await add.getByRole('button', { name: 'Change value' }).click();
    await page.getByText('Tag owner was changed.').waitFor();
    await callerFor(session.deps, session.op.actor).organizations.tag({ organizationId, tags: [{ key: 'cost-centre', value: '4711' }] });
    await page.reload();
    await page.getByRole('row', { name: /cost-centre 4711/ }).waitFor();
    await screenshot(page, 'tags-01-list');
    expect(await tags()).toEqual([{ key: 'cost-centre', value: '4711' }, { key: 'owner', value: 'Platform' }]);
  });

  it('removes the selected tags after confirming', async () => {
    const { page } = session;
    await page.getByRole('checkbox', { name: 'All tags' }).check();
    await page.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove 2 tags?' });
    await confirm.getByText('The tags cost-centre, owner are removed').waitFor();
    await screenshot(page, 'tags-02-remove');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('This organization has no tags.').waitFor();
    expect(await tags()).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization } from '@mailyard/server/testing/users';

/**
 * The groups list at an operator's scale in Chromium against the real server: fragment search (an alias, without
 * accents), sortable headers, the exact total, and the view (search, state, sort, page) in the URL through reload,
 * Back and a deep link. Needs `pnpm --filter @mailyard/admin build`.
 */
const TEAMS = 52;
let organizationId = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'groups-list-failed-',
  worker: false,
  async setup(deps, op) {
    const org = await createActiveOrganization(deps, op.actor);
    organizationId = org.organizationId;
    const { domain } = org;
    const admin = callerFor(deps, op.actor);
    // Disabled groups (no address), a minute apart, more than a page of them.
    for (let i = 0; i < TEAMS; i++) {
      deps.clock.advance(60_000);
      await admin.groups.create({ organizationId, name: `team-${String(i).padStart(2, '0')}` });
    }
    deps.clock.advance(60_000);
    const { id: groupId } = await admin.groups.create({ organizationId, name: 'Zoë Réception', email: `reception@${domain}` });
    await admin.groups.addAlias({ organizationId, entityId: groupId, localPart: 'front.desk', domain });
  },
});

const page = () => session.page;
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });
const searchBox = () => page().getByRole('searchbox', { name: /Find groups/ });
const heading = () => page().getByRole('heading', { level: 1 });
const header = (name: string) => page().getByRole('columnheader', { name });
const params = () => new URL(page().url()).searchParams;
/** The group names of the rows shown, in order. */
const names = () => page().getByRole('table').getByRole('link').allInnerTexts();
/** Clicks a column's sort button (the click lands on Cloudscape's sticky copy of the header row, as a person's would). */
const sortBy = (name: string) => header(name).getByRole('button').click({ force: true });

describe('admin console: the groups list at scale', { timeout: 120_000 }, () => {
  it('shows the exact total, and finds a group by a fragment of an alias or without accents', async () => {
    await page().goto('/admin/');
    await page().getByLabel('Email address').fill(session.op.email);
    await page().getByLabel('Password').fill(session.op.password);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();

    await page().goto(`/admin/organizations/${organizationId}/groups`);
    await poll(() => heading().innerText()).toBe(`Groups (${TEAMS + 1})`);
    await poll(names).toHaveLength(50);
    await screenshot(page(), 'groups-list-01-total');

    await searchBox().fill('desk');
    await poll(names).toEqual(['Zoë Réception']);
    await searchBox().fill('zoe rece');
    await poll(names).toEqual(['Zoë Réception']);
    await poll(() => params().get('q')).toBe('zoe rece');
    await page().reload();
    await poll(names).toEqual(['Zoë Réception']);
    expect(await searchBox().inputValue()).toBe('zoe rece');
    await searchBox().fill('');
    await poll(() => params().get('q')).toBeNull();
  });

  it('sorts by name, address, state and creation; each sort is a history entry', async () => {
    expect(await header('Group name').getAttribute('aria-sort')).toBe('ascending');
    await sortBy('Group name');
    await poll(() => header('Group name').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await names())[0]).toBe('Zoë Réception');

    await header('Created').getByRole('button').focus();
    await page().keyboard.press('Enter');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('ascending');
    await poll(async () => (await names())[0]).toBe('team-00');
    await page().keyboard.press('Enter');
    await poll(async () => (await names())[0]).toBe('Zoë Réception');
    await poll(async () => (await names())[1]).toBe('team-51');
    expect(params().get('sort')).toBe('createdAt');
    expect(params().get('order')).toBe('desc');

    await sortBy('Email address');
    await poll(() => header('Email address').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Enabled on').getByRole('button').count()).toBe(0);
    await screenshot(page(), 'groups-list-02-sorted');

    await page().goBack();
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await names())[1]).toBe('team-51');
  });

  it('keeps the state filter and the page in the URL: reload, Back and a deep link show the same view', async () => {
    await sortBy('Created');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('ascending');
    await page().getByRole('button', { name: 'Filter groups by state' }).click();
    await page().getByRole('option', { name: 'Disabled' }).click();
    await poll(() => heading().innerText()).toBe(`Groups (${TEAMS})`);
    const firstPage = await names();
    expect(firstPage[0]).toBe('team-00');

    await page().getByRole('button', { name: 'Next page' }).click();
    await poll(names).toEqual(['team-50', 'team-51']);
    await screenshot(page(), 'groups-list-03-page-two');
    const deepLink = page().url();
    await page().reload();
    await poll(names).toEqual(['team-50', 'team-51']);
    expect(await header('Created').getAttribute('aria-sort')).toBe('ascending');

    await page().goBack();
    await poll(names).toEqual(firstPage);
    await page().goBack();
    await poll(() => heading().innerText()).toBe(`Groups (${TEAMS + 1})`);

    await page().goto('/admin/');
    await page().goto(deepLink);
    await poll(names).toEqual(['team-50', 'team-51']);
    await page().getByRole('button', { name: 'Previous page' }).click();
    await poll(names).toEqual(firstPage);
    expect(session.errors).toEqual([]);
  });
});

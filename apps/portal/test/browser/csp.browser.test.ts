import { describe, expect, it } from 'vitest';
import { itHeardNoOtherViolation, useBrowserSession, useCspWalk } from '@mailyard/test-harness';
import { createPortalUser, type PortalUser } from '@mailyard/server/testing/portal';

/**
 * Every page of the self-service portal, in Chromium, under the Content-Security-Policy the server sends: any
 * violation fails the test. Needs `pnpm --filter @mailyard/portal build`.
 */
let user: PortalUser;

const session = useBrowserSession({
  app: 'portal',
  screenshotPrefix: 'csp-failed-',
  worker: false,
  async setup(deps, op) {
    user = await createPortalUser(deps, op.actor);
  },
});

const walk = useCspWalk(session);
const { visit } = walk;

describe('Content-Security-Policy of the portal', () => {
  it('the signed-out pages', async () => {
    expect(await visit('/portal/forgot', /password/i)).toEqual([]);
    expect(await visit(`/portal/reset#token=${'x'.repeat(43)}`, /password/i)).toEqual([]);
    expect(await visit('/portal/', 'Sign in')).toEqual([]);
  });

  it('the account page', async () => {
    const { page } = session;
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await walk.inPage()).toEqual([]);
  });

  itHeardNoOtherViolation(session, walk);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { expectInlineScriptRefused, expectStrictCsp, listenForCspViolations, useBrowserSession, type CspViolations } from '@mailyard/test-harness';
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

let violations: CspViolations;
beforeAll(async () => {
  violations = await listenForCspViolations(session.page);
});

/** Opens `path`, waits for its title and for the network to settle, and returns the violations seen there. */
async function visit(path: string, title: string | RegExp): Promise<string[]> {
  const { page } = session;
  expectStrictCsp(await page.goto(path));
  await page.getByRole('heading', { name: title, level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  return violations.inPage();
}

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
    expect(await violations.inPage()).toEqual([]);
  });

  it('hears a violation when there is one (an inline script added to the page)', async () => {
    await expectInlineScriptRefused(session.page, violations);
  });

  it('nothing else was refused anywhere, as the console tells too', () => {
    expect(violations.console).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_HISTORY_DEPTH } from '@mailyard/core/passwords';
import { PORTAL_LIMITS } from '@mailyard/core/portal';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { recentPasswordHashes } from '@mailyard/db/queries/self-service';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, portalCookie, signedIn, type PortalUser } from '../support/portal.ts';

let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const change = (password: string, currentPassword: string) => ({ currentPassword, password, repeatPassword: password });

describe('change password', () => {
  let user: PortalUser;
  beforeAll(async () => {
    user = await createPortalUser(deps, op.actor);
  });

  it('needs the right current password', async () => {
    const browser = await signedIn(deps, user);
    const error = await failure(browser.portal.changePassword(change('Brand-new-pass-1', 'Not-my-password-1')));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'PASSWORD.WRONG_CURRENT', fieldErrors: { currentPassword: ['Your current password is not correct.'] } });
  });

  it('names every rule a new password breaks, and a mismatched repeat, at once', async () => {
    const browser = await signedIn(deps, user);
    const error = await failure(browser.portal.changePassword({ currentPassword: user.password, password: 'abc', repeatPassword: 'abd' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors.password).toEqual(checkPassword('abc').problems);
    expect(error.fieldErrors.password).toHaveLength(2);
    expect(error.fieldErrors.repeatPassword).toEqual(['Passwords do not match.']);
  });

  it('changes the password: other sessions end, this one stays, the old password stops working', async () => {
    await (await signedIn(deps, user)).portal.signOutEverywhere();
    const here = await signedIn(deps, user, { ip: '10.7.0.1' });
    const elsewhere = await signedIn(deps, user, { ip: '10.7.0.2' });
    const result = await here.portal.changePassword(change('Changed-pass-1', user.password));
    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect(await here.portal.me()).not.toBeNull();
    expect(await elsewhere.portal.me()).toBeNull();
    expect((await failure(portalBrowser(deps).portal.signIn(user))).domainCode).toBe('AUTH.INVALID_CREDENTIALS');
    await signedIn(deps, { email: user.email, password: 'Changed-pass-1' });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.password_change', after: null, limit: 1 });
    expect(event).toMatchObject({ actorType: 'user', actorLabel: user.email, after: { otherSessionsEnded: 1 } });
    expect(JSON.stringify(event)).not.toContain('Changed-pass-1');
    user.password = 'Changed-pass-1';
  });

  it('limits wrong current passwords per user', async () => {
    const victim = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, victim);
    for (let n = 0; n < PORTAL_LIMITS.currentPassword.perUser; n++) {
      await failure(browser.portal.changePassword(change('Brand-new-pass-1', `Guess-${n}-password`)));
    }
    const limited = await failure(browser.portal.changePassword(change('Brand-new-pass-1', victim.password)));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('password history', () => {
  it(`refuses the current password and each of the last ${PASSWORD_HISTORY_DEPTH}, then lets the oldest back`, async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    const reused = await failure(browser.portal.changePassword(change(user.password, user.password)));
    expect(reused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'PASSWORD.REUSED' });
    expect(reused.fieldErrors.password).toEqual([`Choose a password you have not used recently: it may not be any of your last ${PASSWORD_HISTORY_DEPTH} passwords.`]);

    const passwords = Array.from({ length: PASSWORD_HISTORY_DEPTH }, (_, i) => `History-${i + 1}-pass`);
    let current = user.password;
    for (const next of passwords) {
      await browser.portal.changePassword(change(next, current));
      current = next;
    }
    // The last five are the ones just set; each is refused.
    for (const old of passwords) {
      expect((await failure(browser.portal.changePassword(change(old, current)))).domainCode).toBe('PASSWORD.REUSED');
    }
    // The first password is now six changes back: allowed again; older hashes are not kept at all.
    await browser.portal.changePassword(change(user.password, current));
    expect(await recentPasswordHashes(deps.db, user, 100)).toHaveLength(PASSWORD_HISTORY_DEPTH);
  });

  it('counts a password an operator set as one of the last five', async () => {
    const user = await createPortalUser(deps, op.actor);
    await callerFor(deps, op.actor).users.resetPassword({ organizationId: user.organizationId, userId: user.userId, password: 'Operator-set-1', repeatPassword: 'Operator-set-1' });
    const browser = await signedIn(deps, { email: user.email, password: 'Operator-set-1' });
    await browser.portal.changePassword(change('Mine-again-pass-1', 'Operator-set-1'));
    expect((await failure(browser.portal.changePassword(change('Operator-set-1', 'Mine-again-pass-1')))).domainCode).toBe('PASSWORD.REUSED');
    expect((await failure(browser.portal.changePassword(change(user.password, 'Mine-again-pass-1')))).domainCode).toBe('PASSWORD.REUSED');
    expect(portalCookie(browser)).not.toBeNull();
  });
});

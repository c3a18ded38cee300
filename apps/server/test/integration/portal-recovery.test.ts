import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_LIMITS, RECOVERY_CODE_MAX_ATTEMPTS, RECOVERY_CODE_MINUTES } from '@mailyard/core/portal';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, signedIn, type PortalBrowser, type PortalUser } from '../support/portal.ts';
import { codeIn, startSmtpReceiver, type SmtpReceiver } from '../support/smtp.ts';
import { addDomain } from '../support/users.ts';

let smtp: SmtpReceiver;
let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  deps = await createTestDeps({ SMTP_URL: smtp.url });
  op = await createOperator(deps);
});
afterAll(async () => {
  await deps.database.drop();
  await smtp.close();
});

/** Runs the mail jobs (the relay is the test's SMTP receiver) and reads the message that arrived at `to`. */
async function mailTo(to: string) {
  await runDueJobs(deps, jobRegistry);
  return smtp.next(to);
}

async function codeSentTo(browser: PortalBrowser, email: string, currentPassword?: string): Promise<string> {
  await browser.portal.recovery.start({ email, ...(currentPassword ? { currentPassword } : {}) });
  const mail = await mailTo(email);
  expect(mail.subject).toMatch(/^Your verification code: \d{6}$/);
  return codeIn(mail)!;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('setting a recovery address', () => {
  let user: PortalUser;
  let browser: PortalBrowser;
  beforeAll(async () => {
    user = await createPortalUser(deps, op.actor);
    browser = await signedIn(deps, user);
  });

  it('refuses an address of the organization, naming the domain', async () => {
    const other = await addDomain(deps, user.organizationId);
    for (const [email, domain] of [
      [`me@${user.domain}`, user.domain],
      [`me@MAIL.${other}`, other],
    ]) {
      const error = await failure(browser.portal.recovery.start({ email: email! }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'RECOVERY.ADDRESS_INVALID' });
      expect(error.fieldErrors.email![0]).toContain(domain);
    }
  });

  it('sends a code to the address; until it comes back the address is only pending', async () => {
    const code = await codeSentTo(browser, 'Alice.Home@Example.NET');
    expect(code).toMatch(/^\d{6}$/);
    const me = await browser.portal.me();
    expect(me?.recovery).toMatchObject({ email: null, pendingEmail: 'alice.home@example.net' });

    const wrong = await failure(browser.portal.recovery.verify({ code: wrongCode(code) }));
    expect(wrong).toMatchObject({ domainCode: 'RECOVERY.CODE_INVALID', fieldErrors: { code: [`The code is not correct. ${RECOVERY_CODE_MAX_ATTEMPTS - 1} tries left.`] } });

    expect(await browser.portal.recovery.verify({ code })).toEqual({ email: 'alice.home@example.net' });
    expect((await browser.portal.me())?.recovery).toMatchObject({ email: 'alice.home@example.net', pendingEmail: null });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.recovery_address_set', after: null, limit: 1 });
    expect(event).toMatchObject({ actorType: 'user', before: { recoveryEmail: null }, after: { recoveryEmail: 'alice.home@example.net' } });
  });

  it('a code works once', async () => {
    const error = await failure(browser.portal.recovery.verify({ code: '123456' }));
    expect(error.fieldErrors.code).toEqual(['No code is waiting for you. Enter a recovery address to get one.']);
  });

  it('changing it needs the current password, and the new address’s code; the old address is told', async () => {
    const missing = await failure(browser.portal.recovery.start({ email: 'alice.new@example.org' }));
    expect(missing).toMatchObject({ domainCode: 'PASSWORD.WRONG_CURRENT', fieldErrors: { currentPassword: ['Enter your current password to change your recovery address.'] } });
    const wrong = await failure(browser.portal.recovery.start({ email: 'alice.new@example.org', currentPassword: 'Not-my-password-1' }));
    expect(wrong.fieldErrors.currentPassword).toEqual(['Your current password is not correct.']);
    const same = await failure(browser.portal.recovery.start({ email: 'alice.home@example.net', currentPassword: user.password }));
    expect(same.fieldErrors.email).toEqual(['alice.home@example.net is already your recovery address.']);

    const code = await codeSentTo(browser, 'alice.new@example.org', user.password);
    // Still the old address until the code comes back.
    expect((await browser.portal.me())?.recovery).toMatchObject({ email: 'alice.home@example.net', pendingEmail: 'alice.new@example.org' });
    await browser.portal.recovery.verify({ code });
    expect((await browser.portal.me())?.recovery.email).toBe('alice.new@example.org');

    const notice = await mailTo('alice.home@example.net');
    expect(notice.subject).toBe('Your recovery address was changed');
    expect(notice.text).toContain(`The recovery address of ${user.email} is now alice.new@example.org`);
  });

  it('removing it needs the current password, and the old address is told', async () => {
    expect((await failure(browser.portal.recovery.remove({ currentPassword: 'Not-my-password-1' }))).domainCode).toBe('PASSWORD.WRONG_CURRENT');
    await browser.portal.recovery.remove({ currentPassword: user.password });
    expect((await browser.portal.me())?.recovery.email).toBeNull();
    const notice = await mailTo('alice.new@example.org');
    expect(notice.subject).toBe('Your recovery address was removed');
    expect((await failure(browser.portal.recovery.remove({ currentPassword: user.password }))).domainCode).toBe('RECOVERY.NOT_VERIFIED');
  });
});

describe('recovery codes', () => {
  it(`allow ${RECOVERY_CODE_MAX_ATTEMPTS} tries, then a new code must be asked for`, async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    const code = await codeSentTo(browser, `${user.name}@example.net`);
    for (let n = 1; n <= RECOVERY_CODE_MAX_ATTEMPTS; n++) {
      await failure(browser.portal.recovery.verify({ code: wrongCode(code) }));
    }
    const exhausted = await failure(browser.portal.recovery.verify({ code }));
    expect(exhausted.fieldErrors.code).toEqual(['Too many wrong codes. Ask for a new one.']);
    expect((await browser.portal.me())?.recovery.email).toBeNull();
  });

  it(`expire after ${RECOVERY_CODE_MINUTES} minutes`, async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    const code = await codeSentTo(browser, `${user.name}@example.net`);
    deps.clock.advance(RECOVERY_CODE_MINUTES * 60_000);
    expect((await failure(browser.portal.recovery.verify({ code }))).fieldErrors.code).toEqual(['This code has expired. Ask for a new one.']);
  });

  it('a new request replaces the previous code', async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    const first = await codeSentTo(browser, `${user.name}@example.net`);
    const second = await codeSentTo(browser, `${user.name}@example.org`);
    if (first !== second) expect((await failure(browser.portal.recovery.verify({ code: first }))).domainCode).toBe('RECOVERY.CODE_INVALID');
    await browser.portal.recovery.verify({ code: second });
    expect((await browser.portal.me())?.recovery.email).toBe(`${user.name}@example.org`);
  });

  it('are sent at most a few times an hour per user', async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    for (let n = 0; n < PORTAL_LIMITS.recoveryCode.perUser; n++) await browser.portal.recovery.start({ email: `${user.name}${n}@example.net` });
    expect((await failure(browser.portal.recovery.start({ email: `${user.name}@example.net` }))).code).toBe('TOO_MANY_REQUESTS');
    await runDueJobs(deps, jobRegistry);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, signedIn } from '../support/portal.ts';

/** A fresh install has no SMTP_URL: the portal's notices wait in the outbox, where operators can read them. */
let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());

describe('portal notices without SMTP_URL', () => {
  it('keeps the recovery code and the reset link in the outbox, with the link to the installation’s own address', async () => {
    const user = await createPortalUser(deps, op.actor);
    const browser = await signedIn(deps, user);
    await browser.portal.recovery.start({ email: 'mallory@example.net' });
    await runDueJobs(deps, jobRegistry);
    const outbox = callerFor(deps, op.actor).outbox;
    const [codeMail] = (await outbox.list({ organizationId: user.organizationId, limit: 10 })).items;
    expect(codeMail).toMatchObject({ kind: 'portal.recovery_code', to: 'mallory@example.net', state: 'kept' });
    const code = /^\s+(\d{6})$/m.exec(codeMail!.body)![1]!;
    await browser.portal.recovery.verify({ code });

    await portalBrowser(deps).portal.reset.request({ email: user.email });
    await runDueJobs(deps, jobRegistry);
    const [linkMail] = (await outbox.list({ organizationId: user.organizationId, limit: 10 })).items;
    expect(linkMail).toMatchObject({ kind: 'portal.reset_link', to: 'mallory@example.net', state: 'kept', subject: 'Reset your password' });
    expect(linkMail!.body).toMatch(new RegExp(`http://${deps.config.HOST}:${deps.config.PORT}/portal/reset#token=[A-Za-z0-9_-]{43}`));
  });
});

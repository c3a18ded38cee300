import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMOVED_AFTER_DELIVERY } from '@mailyard/core/notices';
import type { Logger } from '../../src/deps.ts';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createPortalUser, portalBrowser, signedIn } from '../support/portal.ts';
import { codeIn, resetLinkIn, startSmtpReceiver } from '../support/smtp.ts';

/**
 * A fresh install has no SMTP_URL: the portal's notices wait in the outbox, where operators can read them (the log names
 * them only). With a relay, a delivered notice keeps no code or link in the outbox.
 */
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

  it('names a kept notice in the log without its text (a code is in the subject)', async () => {
    const lines: string[] = [];
    const log: Logger = { info: (msg) => void lines.push(msg), warn: (msg) => void lines.push(msg), error: (msg) => void lines.push(msg) };
    const user = await createPortalUser(deps, op.actor);
    await (await signedIn(deps, user)).portal.recovery.start({ email: 'home@example.net' });
    await runDueJobs({ ...deps, log }, jobRegistry);
    const [codeMail] = (await callerFor(deps, op.actor).outbox.list({ organizationId: user.organizationId, limit: 1 })).items;
    const code = /(\d{6})/.exec(codeMail!.subject)![1]!;
    expect(lines).toEqual([expect.stringMatching(/^Notice kept in the outbox \(SMTP_URL is not set\): #\d+ portal\.recovery_code to home@example\.net$/)]);
    expect(lines.join('\n')).not.toContain(code);
  });
});

describe('portal notices through a relay', () => {
  it('keep no code or reset link in the outbox once delivered', async () => {
    const smtp = await startSmtpReceiver();
    const relayed = await createTestDeps({ SMTP_URL: smtp.url });
    try {
      const operator = await createOperator(relayed);
      const user = await createPortalUser(relayed, operator.actor);
      const browser = await signedIn(relayed, user);
      await browser.portal.recovery.start({ email: 'olivia@example.net' });
      await runDueJobs(relayed, jobRegistry);
      const code = codeIn(await smtp.next('olivia@example.net'))!;
      await browser.portal.recovery.verify({ code });
      await portalBrowser(relayed).portal.reset.request({ email: user.email });
      await runDueJobs(relayed, jobRegistry);
      const link = resetLinkIn(await smtp.next('olivia@example.net'))!;

      const items = (await callerFor(relayed, operator.actor).outbox.list({ organizationId: user.organizationId, limit: 10 })).items;
      const codeMail = items.find((m) => m.kind === 'portal.recovery_code')!;
      const linkMail = items.find((m) => m.kind === 'portal.reset_link')!;
      expect(codeMail).toMatchObject({ state: 'sent', subject: `Your verification code: ${REMOVED_AFTER_DELIVERY}` });
      expect(codeMail.body).toContain(`    ${REMOVED_AFTER_DELIVERY}\n`);
      expect(linkMail.state).toBe('sent');
      expect(linkMail.body).toContain(`\n${REMOVED_AFTER_DELIVERY}\n`);
      for (const mail of [codeMail, linkMail]) expect(`${mail.subject}\n${mail.body}`).not.toMatch(new RegExp(`${code}|#token=`));
      expect(linkMail.body).not.toContain(link);
      // What an operator needs stays: whom it went to, when, and about what.
      expect(linkMail).toMatchObject({ to: 'olivia@example.net', subject: 'Reset your password' });
      expect(linkMail.sentAt).toBeInstanceOf(Date);
    } finally {
      await relayed.database.drop();
      await smtp.close();
    }
  });
});

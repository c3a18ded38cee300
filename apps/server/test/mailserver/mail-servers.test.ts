import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { canSignIn } from './mail-program.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';
import { addDomain } from '../support/users.ts';

/**
 * The mail-server contract (mailserver.v1_* views) against the real servers on the deploy/ configuration: Dovecot
 * authenticates IMAP logins through it, and Postfix's pgsql lookup tables resolve domains, mailboxes and aliases.
 */
const run = promisify(execFile);
let deps: TestDeps;
let op: TestOperator;
let stack: MailStack;
let organizationId: string;
let domain: string;
const password = 'Mailbox-Pass-42';

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  const alias = `mx-${Math.random().toString(36).slice(2, 8)}`;
  ({ organizationId } = await callerFor(deps, op.actor).organizations.create({ alias }));
  await runDueJobs(deps, jobRegistry);
  domain = `${alias}.mailyard.test`;
  stack = await startMailStack(deps);
});
afterAll(async () => {
  await stack?.stop();
  await deps.database.drop();
});

async function createUser(name: string) {
  const { userId } = await callerFor(deps, op.actor).users.create({
    organizationId,
    name,
    displayName: name,
    password,
    repeatPassword: password,
  });
  return userId;
}

describe('Dovecot', () => {
  it('accepts the password set in Mailyard, by primary address and by alias', async () => {
    const userId = await createUser('ada');
    await callerFor(deps, op.actor).users.addAlias({ organizationId, entityId: userId, localPart: 'countess', domain });
    expect(await canSignIn(stack, `ada@${domain}`, password)).toBe(true);
    expect(await canSignIn(stack, `COUNTESS@${domain}`, password)).toBe(true);
    expect(await canSignIn(stack, `ada@${domain}`, 'Wrong-Pass-42')).toBe(false);
  });

  it('refuses the IMAP login of a user disabled in the console, and accepts it again after re-enabling', async () => {
    const userId = await createUser('grace');
    expect(await canSignIn(stack, `grace@${domain}`, password)).toBe(true);
    await callerFor(deps, op.actor).users.disable({ organizationId, userIds: [userId] });
    expect(await canSignIn(stack, `grace@${domain}`, password)).toBe(false);
    await callerFor(deps, op.actor).users.enable({ organizationId, users: [{ userId, email: `grace@${domain}` }] });
    expect(await canSignIn(stack, `grace@${domain}`, password)).toBe(true);
  });

  it('takes a password reset at once', async () => {
    const userId = await createUser('linus');
    const next = 'Brand-New-Pass-7';
    await callerFor(deps, op.actor).users.resetPassword({ organizationId, userId, password: next, repeatPassword: next });
    expect(await canSignIn(stack, `linus@${domain}`, password)).toBe(false);
    expect(await canSignIn(stack, `linus@${domain}`, next)).toBe(true);
  });
});

describe('Postfix lookup tables (the rendered deploy/postfix/pgsql-*.cf)', () => {
  it('resolves domains, mailboxes and aliases, and forgets a disabled user', async () => {
    const userId = await createUser('hopper');
    await callerFor(deps, op.actor).users.addAlias({ organizationId, entityId: userId, localPart: 'amazing-grace', domain });

    expect(await stack.lookup('domains', domain)).toBe(domain);
    expect(await stack.lookup('domains', 'elsewhere.example')).toBeNull();
    // Added domains: accepted once their ownership is proven, not while pending.
    const pending = await addDomain(deps, organizationId, 'PENDING');
    const proven = await addDomain(deps, organizationId);
    expect(await stack.lookup('domains', pending)).toBeNull();
    expect(await stack.lookup('domains', proven)).toBe(proven);
    expect(await stack.lookup('mailboxes', `hopper@${domain}`)).toBe(`${organizationId}/${userId}`);
    expect(await stack.lookup('aliases', `amazing-grace@${domain}`)).toBe(`hopper@${domain}`);
    expect(await stack.lookup('mailboxes', `postmaster@${domain}`)).not.toBeNull();

    await callerFor(deps, op.actor).users.disable({ organizationId, userIds: [userId] });
    expect(await stack.lookup('mailboxes', `hopper@${domain}`)).toBeNull();
    expect(await stack.lookup('aliases', `amazing-grace@${domain}`)).toBeNull();
  });

  it('runs as a role that reads the mailserver views and no table', async () => {
    const rendered = path.join(stack.configDir, 'postfix', 'pgsql-domains.cf');
    const probe = path.join(stack.configDir, 'postfix', 'probe.cf');
    const as = (query: string) =>
      readFile(rendered, 'utf8')
        .then((cf) => writeFile(probe, cf.replace(/^query = .*$/m, `query = ${query}`), { mode: 0o600 }))
        .then(() => run('postmap', ['-q', 'x', `pgsql:${probe}`]));
    await expect(as("SELECT count(*) FROM mailserver.v1_logins WHERE '%s' = 'x'")).resolves.toMatchObject({ stdout: expect.stringMatching(/^\d+/) });
    // postmap reports a failed query as a fatal lookup error, with PostgreSQL's reason in its log line.
    await expect(as("SELECT password_hash FROM users WHERE '%s' = 'x'")).rejects.toMatchObject({ stderr: expect.stringMatching(/permission denied/) });
  });
});

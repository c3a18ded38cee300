import { execFile } from 'node:child_process';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startDovecot, type RunningDovecot } from './dovecot.ts';
import { addDomain } from '../support/users.ts';

/**
 * The mail-server contract (mailserver.v1_* views) against the real servers: Dovecot authenticates IMAP
 * logins through it, and Postfix's pgsql lookup tables resolve domains, mailboxes and aliases through it.
 */
let deps: TestDeps;
let op: TestOperator;
let dovecot: RunningDovecot;
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
  dovecot = await startDovecot(deps.database.url, 20_000 + Math.floor(Math.random() * 20_000));
});
afterAll(async () => {
  await dovecot?.stop();
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
    expect(await dovecot.login(`ada@${domain}`, password)).toBe(true);
    expect(await dovecot.login(`COUNTESS@${domain}`, password)).toBe(true);
    expect(await dovecot.login(`ada@${domain}`, 'Wrong-Pass-42')).toBe(false);
  });

  it('refuses the IMAP login of a user disabled in the console, and accepts it again after re-enabling', async () => {
    const userId = await createUser('grace');
    expect(await dovecot.login(`grace@${domain}`, password)).toBe(true);
    await callerFor(deps, op.actor).users.disable({ organizationId, userIds: [userId] });
    expect(await dovecot.login(`grace@${domain}`, password)).toBe(false);
    await callerFor(deps, op.actor).users.enable({ organizationId, users: [{ userId, email: `grace@${domain}` }] });
    expect(await dovecot.login(`grace@${domain}`, password)).toBe(true);
  });

  it('takes a password reset at once', async () => {
    const userId = await createUser('linus');
    const next = 'Brand-New-Pass-7';
    await callerFor(deps, op.actor).users.resetPassword({ organizationId, userId, password: next, repeatPassword: next });
    expect(await dovecot.login(`linus@${domain}`, password)).toBe(false);
    expect(await dovecot.login(`linus@${domain}`, next)).toBe(true);
  });
});

describe('Postfix lookup tables', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mailyard-postfix-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function lookup(table: string, query: string, key: string): Promise<string | null> {
    const url = new URL(deps.database.url);
    const cf = path.join(dir, `${table}.cf`);
    await writeFile(
      cf,
      [
        `hosts = ${url.hostname}:${url.port || 5432}`,
        `user = ${decodeURIComponent(url.username)}`,
        `password = ${decodeURIComponent(url.password)}`,
        `dbname = ${url.pathname.slice(1)}`,
        `query = ${query}`,
        '',
      ].join('\n'),
    );
    try {
      const { stdout } = await run('postmap', ['-q', key, `pgsql:${cf}`]);
      return stdout.trim();
    } catch (e) {
      if ((e as { code?: number }).code === 1) return null; // not found
      throw e;
    }
  }

  it('resolves domains, mailboxes and aliases, and forgets a disabled user', async () => {
    const userId = await createUser('hopper');
    await callerFor(deps, op.actor).users.addAlias({ organizationId, entityId: userId, localPart: 'amazing-grace', domain });
    const domains = "SELECT domain FROM mailserver.v1_domains WHERE domain = '%s'";
    const mailboxes = "SELECT maildir FROM mailserver.v1_mailboxes WHERE address = '%s'";
    const aliases = "SELECT destination FROM mailserver.v1_aliases WHERE address = '%s'";

    expect(await lookup('domains', domains, domain)).toBe(domain);
    expect(await lookup('domains', domains, 'elsewhere.example')).toBeNull();
    // Added domains: accepted once their ownership is proven, not while pending.
    const pending = await addDomain(deps, organizationId, 'PENDING');
    const proven = await addDomain(deps, organizationId);
    expect(await lookup('domains', domains, pending)).toBeNull();
    expect(await lookup('domains', domains, proven)).toBe(proven);
    expect(await lookup('mailboxes', mailboxes, `hopper@${domain}`)).toBe(`${organizationId}/${userId}`);
    expect(await lookup('aliases', aliases, `amazing-grace@${domain}`)).toBe(`hopper@${domain}`);
    expect(await lookup('mailboxes', mailboxes, `postmaster@${domain}`)).not.toBeNull();

    await callerFor(deps, op.actor).users.disable({ organizationId, userIds: [userId] });
    expect(await lookup('mailboxes', mailboxes, `hopper@${domain}`)).toBeNull();
    expect(await lookup('aliases', aliases, `amazing-grace@${domain}`)).toBeNull();
  });
});

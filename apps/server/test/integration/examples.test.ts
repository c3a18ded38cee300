import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addDomain, createActiveOrganization, createEnabledUser, type ActiveOrganization } from '../support/users.ts';

const examplesDir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const tsx = join(examplesDir, 'node_modules/.bin/tsx');
/** Each run starts Node and tsx (a few seconds on a busy machine); a test makes up to three runs. */
const SLOW = 120_000;

let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let readWrite: string;
let readOnly: string;
let scratch: string;

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  op = await createOperator(deps);
  const admin = callerFor(deps, op.actor);
  readWrite = (await admin.apiTokens.create({ name: 'examples', access: 'read-write' })).token;
  readOnly = (await admin.apiTokens.create({ name: 'examples (read)', access: 'read-only' })).token;
  scratch = mkdtempSync(join(tmpdir(), 'mailyard-examples-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await server.close();
  await deps.database.drop();
});

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs an example as a script user would: a child process with tsx, configured by environment variables. */
async function example(script: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const baseEnv = { PATH: process.env.PATH ?? '', MAILYARD_URL: server.url, MAILYARD_TOKEN: readWrite };
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [script, ...args], { cwd: examplesDir, env: { ...baseEnv, ...env } });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    if (typeof e.code !== 'number') throw error;
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fileWith = (name: string, lines: string[]) => {
  const path = join(scratch, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};

async function stateOf(org: ActiveOrganization, userId: string) {
  return (await callerFor(deps, op.actor).users.get({ organizationId: org.organizationId, userId })).state;
}

/** RFC 4180 lines of the test data (no line breaks inside fields). */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, f]) => (f!.startsWith('"') ? f!.slice(1, -1).replace(/""/g, '"') : f!)));
}

describe('users-to-csv.ts', { timeout: SLOW }, () => {
  it('pages through every user of the organization and writes them as CSV', async () => {
    const org = await createActiveOrganization(deps, op.actor);
    for (let i = 0; i < 4; i++) await createEnabledUser(deps, op.actor, org.organizationId);
    await createEnabledUser(deps, op.actor, org.organizationId, { displayName: 'Quote "Q", Comma' });
    const expected = await callerFor(deps, op.actor).users.list({ organizationId: org.organizationId, limit: 100 });
    expect(expected.items.length).toBe(6); // five users and postmaster

    const run = await example('users-to-csv.ts', [org.organizationId, '--page-size', '2'], { MAILYARD_TOKEN: readOnly });
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual(['id', 'name', 'displayName', 'email', 'state', 'role', 'enabledAt', 'disabledAt']);
    expect(rows.map((r) => r[0])).toEqual(expected.items.map((u) => u.id));
    expect(rows.map((r) => r[2])).toContain('Quote "Q", Comma');
    expect(rows.find((r) => r[1] === 'postmaster')?.[5]).toBe('SYSTEM_USER');
    expect(run.stderr).toMatch(/page 3: 6 users so far/);
    expect(run.stderr).toMatch(/Exported 6 users of m-/);
  });

  it('fails with the reason for an organization the token cannot reach', async () => {
    const run = await example('users-to-csv.ts', [`m-${'0'.repeat(32)}`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ORGANIZATION\.NOT_FOUND: Organization m-0+ was not found/);
  });

  it('explains a missing token or URL and exits with status 2', async () => {
    const run = await example('users-to-csv.ts', ['m-x'], { MAILYARD_TOKEN: '' });
    expect(run).toMatchObject({ status: 2, stderr: expect.stringMatching(/Set MAILYARD_TOKEN/) });
  });
});

describe('bulk-disable.ts', { timeout: SLOW }, () => {
  let org: ActiveOrganization;
  let users: { userId: string; name: string }[];
  beforeAll(async () => {
    org = await createActiveOrganization(deps, op.actor);
    users = [];
    for (let i = 0; i < 4; i++) users.push(await createEnabledUser(deps, op.actor, org.organizationId));
  });

  it('reports what it would do on --dry-run and changes nothing', async () => {
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const file = fileWith('dry.txt', ['# leavers', a.name, '', `${b.name}@${org.domain}`.toUpperCase(), `${c.userId}  # by id`]);
    const run = await example('bulk-disable.ts', [org.organizationId, file, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`would disable ${a.name}\\n`));
    expect(run.stderr).toMatch(/Dry run: would disable 3 users, 0 skipped\. Nothing changed\./);
    for (const u of [a, b, c]) expect(await stateOf(org, u.userId)).toBe('ENABLED');
  });

  it('disables the users listed, and skips those already disabled on a second run', async () => {
    const [a, b] = users as [(typeof users)[0], (typeof users)[0]];
    const file = fileWith('leavers.txt', [a.name, `${b.name}@${org.domain}`]);
    const first = await example('bulk-disable.ts', [org.organizationId, file]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Disabled 2 users, 0 skipped\./);
    expect(await stateOf(org, a.userId)).toBe('DISABLED');
    expect(await stateOf(org, b.userId)).toBe('DISABLED');

    const again = await example('bulk-disable.ts', [org.organizationId, file]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/line 1: .* is DISABLED, skipped/);
    expect(again.stderr).toMatch(/Disabled 0 users, 2 skipped\./);
  });

  it('changes nothing when a line names no user, and says which line', async () => {
    const d = users[3]!;
    const file = fileWith('unknown.txt', [d.name, 'nobody-here']);
    const run = await example('bulk-disable.ts', [org.organizationId, file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 2: no user "nobody-here"/);
    expect(run.stderr).toMatch(/Nothing disabled: 1 of 2 users not found\./);
    expect(await stateOf(org, d.userId)).toBe('ENABLED');
  });

  it('points at the line the server refused (a system user), and the batch changes nothing', async () => {
    const d = users[3]!;
    const file = fileWith('postmaster.txt', [d.name, 'postmaster']);
    const run = await example('bulk-disable.ts', [org.organizationId, file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Failed at line 2 \(postmaster\): USER\.SYSTEM_PROTECTED/);
    expect(await stateOf(org, d.userId)).toBe('ENABLED');
  });

  it('fails clearly with a read-only token', async () => {
    const d = users[3]!;
    const run = await example('bulk-disable.ts', [org.organizationId, fileWith('ro.txt', [d.name])], { MAILYARD_TOKEN: readOnly });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/AUTH\.READ_ONLY: This API token is read-only\./);
    expect(await stateOf(org, d.userId)).toBe('ENABLED');
  });
});

describe('alias-every-user.ts', { timeout: SLOW }, () => {
  it('adds local@other-domain to every enabled user of the domain; a re-run finds them present', async () => {
    const org = await createActiveOrganization(deps, op.actor);
    const other = await addDomain(deps, org.organizationId);
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await createEnabledUser(deps, op.actor, org.organizationId));
    const elsewhere = await createEnabledUser(deps, op.actor, org.organizationId, { email: `elsewhere${Date.now()}@${other}` });
    const admin = callerFor(deps, op.actor);
    const gone = await createEnabledUser(deps, op.actor, org.organizationId);
    await admin.users.disable({ organizationId: org.organizationId, userIds: [gone.userId] });

    const run = await example('alias-every-user.ts', [org.organizationId, org.domain, other]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Added 3 aliases at .*; 0 already present; 0 failed\./);
    for (const p of people) {
      const user = await admin.users.get({ organizationId: org.organizationId, userId: p.userId });
      expect(user.aliases).toEqual([`${p.name}@${other}`]);
    }
    for (const skipped of [elsewhere, gone]) {
      expect((await admin.users.get({ organizationId: org.organizationId, userId: skipped.userId })).aliases).toEqual([]);
    }

    const again = await example('alias-every-user.ts', [org.organizationId, org.domain, other]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Added 0 aliases at .*; 3 already present; 0 failed\./);
  });

  it('reports a user whose alias another entity holds, goes on with the others, and exits 1', async () => {
    const org = await createActiveOrganization(deps, op.actor);
    const other = await addDomain(deps, org.organizationId);
    const [first, second] = [await createEnabledUser(deps, op.actor, org.organizationId), await createEnabledUser(deps, op.actor, org.organizationId)];
    // `second` already holds first's future alias.
    const admin = callerFor(deps, op.actor);
    await admin.users.addAlias({ organizationId: org.organizationId, entityId: second.userId, localPart: first.name, domain: other });

    const run = await example('alias-every-user.ts', [org.organizationId, org.domain, other]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${first.name}@.*: FAILED ADDRESS\\.IN_USE`));
    expect(run.stderr).toMatch(/Added 1 aliases at .*; 0 already present; 1 failed\./);
    expect((await admin.users.get({ organizationId: org.organizationId, userId: second.userId })).aliases.sort()).toEqual(
      [`${first.name}@${other}`, `${second.name}@${other}`].sort(),
    );
  });

  it('--dry-run changes nothing', async () => {
    const org = await createActiveOrganization(deps, op.actor);
    const other = await addDomain(deps, org.organizationId);
    const user = await createEnabledUser(deps, op.actor, org.organizationId);
    const run = await example('alias-every-user.ts', [org.organizationId, org.domain, other, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Dry run: would add 1 aliases/);
    expect((await callerFor(deps, op.actor).users.get({ organizationId: org.organizationId, userId: user.userId })).aliases).toEqual([]);
  });
});

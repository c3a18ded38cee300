import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReportRow } from '@mailyard/core/imports';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { loadImportReport } from '@mailyard/db/queries/imports';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { findUserByName } from '@mailyard/db/queries/users';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs, runNextJob } from '../../src/jobs/worker.ts';
import { IMPORT_BATCH_ROWS } from '../../src/services/imports/run-batch.ts';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { addDomain, createActiveOrganization, createEnabledUser, uniqueName, type ActiveOrganization } from '../support/users.ts';

const STRONG = 'Looking-Glass-7';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());
// Each step a second later, so "newest first" has an order to show.
beforeEach(() => deps.clock.advance(1000));

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

async function allRows(importId: string, filter: 'all' | 'invalid' | 'created' | 'skipped' | 'failed' = 'all'): Promise<ImportReportRow[]> {
  const caller = callerFor(deps, op.actor);
  const rows: ImportReportRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.imports.rows({ organizationId: org.organizationId, importId, filter, limit: 2, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

const problemsByLine = (rows: ImportReportRow[]) => Object.fromEntries(rows.filter((r) => r.problems.length > 0).map((r) => [r.line, r.problems]));

describe('bulk import of users', () => {
  // One file, imported twice: its rows cover every kind of problem the dry run names.
  const p = uniqueName('imp');
  let file = '';
  let heldAddress = '';
  let takenName = '';
  let pendingDomain = '';
  let firstImportId = '';

  beforeAll(async () => {
    takenName = (await createEnabledUser(deps, op.actor, org.organizationId)).name;
    // An address of the organization's domain that another user holds.
    heldAddress = `${p}-held@${org.domain}`;
    await createEnabledUser(deps, op.actor, org.organizationId, { email: heldAddress });
    pendingDomain = await addDomain(deps, org.organizationId, 'PENDING');
    const d = org.domain;
    file = csv(
      'Name,Display Name,Email,First name,Last name,Department,Hidden,Password',
      `${p}-ann,Ann Able,${p}-ann@${d},Ann,Able,Sales,no,${STRONG}`, // 2: valid
      `${p}-ben,Ben Baker,${p}-ben@${d},,,,,invite`, // 3: valid, no password
      `${p}-cat,Cat,${p}-cat@${d},,,,,abc`, // 4: weak password
      `${p}-dup,Dup One,${p}-dup1@${d},,,,,`, // 5: name twice in the file
      `${p}-DUP,Dup Two,${p}-dup2@${d},,,,,`, // 6
      `${takenName},Taken,${p}-taken@${d},,,,,`, // 7: name taken in the organization
      `${p}-eve,Eve,${heldAddress},,,,,`, // 8: address taken
      `${p}-fay,Fay,${p}-fay@elsewhere.example,,,,,`, // 9: domain not in the organization
      `${p}-gus,Gus,${p}-gus@${pendingDomain},,,,,`, // 10: domain not verified
      `${p}-hal,"Hal, the ""Third""",${p}-hal@${d},,,,,`, // 11: valid, quoted display name
      `bad name,,not-an-address,,,,maybe,`, // 12: schema problems
    );
  });

  it('dry run: stores a report naming the problem of each bad row, and creates nothing', async () => {
    const caller = callerFor(deps, op.actor);
    const summary = await caller.imports.validate({ organizationId: org.organizationId, fileName: 'staff.csv', content: file });
    firstImportId = summary.id;
    expect(summary).toMatchObject({
      fileName: 'staff.csv',
      state: 'validated',
      totalRows: 11,
      validRows: 3,
      processedRows: 0,
      counts: { valid: 3, exists: 0, invalid: 8, created: 0, skipped: 0, failed: 0 },
      createdBy: op.email,
      finishedAt: null,
    });
    const rows = await allRows(summary.id);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'valid'], [3, 'valid'], [4, 'invalid'], [5, 'invalid'], [6, 'invalid'], [7, 'invalid'],
      [8, 'invalid'], [9, 'invalid'], [10, 'invalid'], [11, 'valid'], [12, 'invalid'],
    ]);
    expect(rows[0]).toEqual({
      line: 2,
      name: `${p}-ann`,
      displayName: 'Ann Able',
      email: `${p}-ann@${org.domain}`,
      password: 'set',
      status: 'valid',
      problems: [],
      outcome: null,
      outcomeMessage: null,
      userId: null,
    });
    expect(rows[1]!.password).toBe('none');
    expect(rows[9]!.displayName).toBe('Hal, the "Third"');

    const problems = problemsByLine(rows);
    expect(problems[4]).toEqual([
      { field: 'password', message: 'Password must be at least 8 characters.' },
      { field: 'password', message: expect.stringMatching(/at least 3 of these 5 groups/) },
    ]);
    expect(problems[5]).toEqual([{ field: 'name', message: `The user name "${p}-dup" also appears on line 6 of the file.` }]);
    expect(problems[6]).toEqual([{ field: 'name', message: `The user name "${p}-DUP" also appears on line 5 of the file.` }]);
    expect(problems[7]).toEqual([{ field: 'name', message: `The user name "${takenName}" is already in use in this organization.` }]);
    expect(problems[8]).toEqual([{ field: 'email', message: `The email address ${heldAddress} is already in use.` }]);
    expect(problems[9]).toEqual([{ field: 'email', message: 'The domain elsewhere.example is not a domain of this organization.' }]);
    expect(problems[10]).toEqual([{ field: 'email', message: `The domain ${pendingDomain} is not verified yet: publish its DNS records and verify it before giving out addresses on it.` }]);
    expect(problems[12]!.map((x) => x.field)).toEqual(['name', 'displayName', 'email', 'hiddenFromGlobalAddressList']);

    // The filter shows only the rows with problems, in file order.
    expect((await allRows(summary.id, 'invalid')).map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 12]);
    // Nothing was created.
    expect(await findUserByName(deps.db, org.organizationId, `${p}-ann`)).toBeNull();
  });

  it('keeps passwords only sealed, never in the report a client reads', async () => {
    const stored = JSON.stringify(await loadImportReport(deps.db, org.organizationId, firstImportId));
    expect(stored).not.toContain(STRONG);
    expect(stored).toMatch(/"sealedPassword":"v1\./);
    expect(JSON.stringify(await allRows(firstImportId))).not.toContain('sealedPassword');
  });

  it('apply: creates the valid rows through the job, with their details, and the progress reaches the total', async () => {
    const caller = callerFor(deps, op.actor);
    const applying = await caller.imports.start({ organizationId: org.organizationId, importId: firstImportId });
    expect(applying).toMatchObject({ state: 'applying', processedRows: 0, validRows: 3 });
    // Asking again starts no second job.
    expect(await caller.imports.start({ organizationId: org.organizationId, importId: firstImportId })).toMatchObject({ state: 'applying' });
    expect(await runDueJobs(deps, jobRegistry)).toBe(1);

    const done = await caller.imports.get({ organizationId: org.organizationId, importId: firstImportId });
    expect(done).toMatchObject({ state: 'done', processedRows: 3, validRows: 3, counts: { valid: 3, invalid: 8, created: 3, skipped: 0, failed: 0 } });
    expect(done.finishedAt).toEqual(deps.clock());

    const created = await allRows(firstImportId, 'created');
    expect(created.map((r) => r.line)).toEqual([2, 3, 11]);
    const ann = await caller.users.get({ organizationId: org.organizationId, userId: created[0]!.userId! });
    expect(ann).toMatchObject({
      name: `${p}-ann`,
      displayName: 'Ann Able',
      firstName: 'Ann',
      lastName: 'Able',
      department: 'Sales',
      hiddenFromGlobalAddressList: false,
      email: `${p}-ann@${org.domain}`,
      state: 'ENABLED',
      mailbox: { quotaMb: 51_200 },
    });
    const key = (userId: string) => ({ organizationId: org.organizationId, userId });
    expect(await verifyPassword((await findPasswordHash(deps.db, key(ann.id)))!, STRONG)).toBe(true);
    // "invite": created without a password, until an operator sets one.
    expect(await findPasswordHash(deps.db, key(created[1]!.userId!))).toBeNull();

    // Once ended, nothing of the passwords is kept, even sealed.
    expect(JSON.stringify(await loadImportReport(deps.db, org.organizationId, firstImportId))).not.toContain('v1.');

    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId: org.organizationId, after: null, limit: 20 });
    expect(events.filter((e) => e.action.startsWith('user_import.')).map((e) => [e.action, e.actorLabel])).toEqual([
      ['user_import.complete', 'Mailyard'],
      ['user_import.apply', op.email],
      ['user_import.validate', op.email],
    ]);
    expect(events.filter((e) => e.action === 'user.create' && e.targetId === ann.id)).toHaveLength(1);
  });

  it('re-running the same file is harmless: the created rows exist and are skipped, nothing new is created', async () => {
    const caller = callerFor(deps, op.actor);
    const again = await caller.imports.validate({ organizationId: org.organizationId, fileName: 'staff.csv', content: file });
    expect(again.counts).toMatchObject({ valid: 0, exists: 3, invalid: 8 });
    const rows = await allRows(again.id);
    expect(rows.filter((r) => r.status === 'exists').map((r) => r.line)).toEqual([2, 3, 11]);
    expect(rows.find((r) => r.line === 2)!.userId).toBeTruthy();

    const before = await caller.users.list({ organizationId: org.organizationId, limit: 100 });
    await caller.imports.start({ organizationId: org.organizationId, importId: again.id });
    await runDueJobs(deps, jobRegistry);
    const done = await caller.imports.get({ organizationId: org.organizationId, importId: again.id });
    expect(done).toMatchObject({ state: 'done', processedRows: 3, counts: { created: 0, skipped: 3, failed: 0 } });
    expect((await allRows(again.id, 'skipped')).map((r) => [r.line, r.outcomeMessage])).toEqual([
      [2, 'A user with this name and email address already exists.'],
      [3, 'A user with this name and email address already exists.'],
      [11, 'A user with this name and email address already exists.'],
    ]);
    expect((await caller.users.list({ organizationId: org.organizationId, limit: 100 })).items).toHaveLength(before.items.length);
  });

  it('a row refused when applied (its name taken meanwhile) fails with the reason; the other rows go on', async () => {
    const caller = callerFor(deps, op.actor);
    const q = uniqueName('late');
    const summary = await caller.imports.validate({
      organizationId: org.organizationId,
      fileName: 'late.csv',
      content: csv('name,displayName,email', `${q}-a,A,${q}-a@${org.domain}`, `${q}-b,B,${q}-b@${org.domain}`),
    });
    await createEnabledUser(deps, op.actor, org.organizationId, { name: `${q}-a`, email: `${q}-other@${org.domain}` });
    await caller.imports.start({ organizationId: org.organizationId, importId: summary.id });
    await runDueJobs(deps, jobRegistry);
    expect((await caller.imports.get({ organizationId: org.organizationId, importId: summary.id })).counts).toMatchObject({ created: 1, failed: 1 });
    expect((await allRows(summary.id, 'failed')).map((r) => [r.line, r.outcomeMessage])).toEqual([
      [2, `The user name "${q}-a" is already in use in this organization.`],
    ]);
  });

  it('applies a long file in batches, one job each, saving the progress between them', async () => {
    const caller = callerFor(deps, op.actor);
    const q = uniqueName('bulk');
    const total = IMPORT_BATCH_ROWS + 5;
    const lines = Array.from({ length: total }, (_, i) => `${q}-${i},User ${i},${q}-${i}@${org.domain},invite`);
    const summary = await caller.imports.validate({ organizationId: org.organizationId, fileName: 'bulk.csv', content: csv('name,displayName,email,password', ...lines) });
    expect(summary.validRows).toBe(total);
    await caller.imports.start({ organizationId: org.organizationId, importId: summary.id });

    expect(await runNextJob(deps, jobRegistry)).toBe(true);
    // A batch ends at IMPORT_BATCH_ROWS rows or at its time budget, whichever comes first (a loaded machine may
    // reach the budget first): either way the first job leaves the import applying with its progress saved.
    const first = await caller.imports.get({ organizationId: org.organizationId, importId: summary.id });
    expect(first.state).toBe('applying');
    expect(first.processedRows).toBeGreaterThan(0);
    expect(first.processedRows).toBeLessThanOrEqual(IMPORT_BATCH_ROWS);
    expect(first.counts.created).toBe(first.processedRows);
    expect(await runDueJobs(deps, jobRegistry)).toBeGreaterThanOrEqual(1);
    expect(await caller.imports.get({ organizationId: org.organizationId, importId: summary.id })).toMatchObject({
      state: 'done',
      processedRows: total,
      counts: { created: total, skipped: 0, failed: 0 },
    });
  }, 120_000);

  it('refuses to apply a file without a single importable row', async () => {
    const caller = callerFor(deps, op.actor);
    const summary = await caller.imports.validate({ organizationId: org.organizationId, fileName: 'bad.csv', content: csv('name,displayName,email', 'x y,,z') });
    const refused = await failure(caller.imports.start({ organizationId: org.organizationId, importId: summary.id }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'IMPORT.INVALID_STATE' });
    expect(refused.message).toMatch(/No row of this file can be imported/);
  });

  it('refuses a file that does not fit as a whole, naming the problem, and stores nothing', async () => {
    const caller = callerFor(deps, op.actor);
    const before = (await caller.imports.list({ organizationId: org.organizationId })).items.length;
    const refused = await failure(caller.imports.validate({ organizationId: org.organizationId, fileName: 'x.csv', content: csv('login,mail', 'a,b') }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'IMPORT.INVALID_FILE' });
    expect(refused.fieldErrors.content![0]).toMatch(/Column 1 "login" is not a known column\..*Required columns missing: User name, Display name\./);
    const broken = await failure(caller.imports.validate({ organizationId: org.organizationId, fileName: 'x.csv', content: 'name,displayName,email\n"a,b,c\n' }));
    expect(broken.message).toMatch(/Line 2: a quoted field is never closed/);
    const noName = await failure(caller.imports.validate({ organizationId: org.organizationId, fileName: '', content: 'x' }));
    expect(noName).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { fileName: ['File name is required.'] } });
    expect((await caller.imports.list({ organizationId: org.organizationId })).items).toHaveLength(before);
  });

  it('lists the imports newest first, page by page', async () => {
    const caller = callerFor(deps, op.actor);
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await caller.imports.list({ organizationId: org.organizationId, limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.map((i) => i.fileName)).toEqual(['bad.csv', 'bulk.csv', 'late.csv', 'staff.csv', 'staff.csv']);
    expect(all.at(-1)).toMatchObject({ id: firstImportId, state: 'done', counts: { created: 3 } });
    expect(await caller.imports.count({ organizationId: org.organizationId })).toEqual({ count: 5, exact: true });
    expect(await failure(caller.imports.list({ organizationId: org.organizationId, cursor: 'bogus' }))).toMatchObject({ fieldErrors: { cursor: [expect.any(String)] } });
  });

  it('another account gets not-found for every import call', async () => {
    const stranger = callerFor(deps, (await createOperator(deps)).actor);
    const ref = { organizationId: org.organizationId, importId: firstImportId };
    for (const call of [
      () => stranger.imports.get(ref),
      () => stranger.imports.rows(ref),
      () => stranger.imports.start(ref),
      () => stranger.imports.list({ organizationId: org.organizationId }),
      () => stranger.imports.count({ organizationId: org.organizationId }),
      () => stranger.imports.validate({ organizationId: org.organizationId, fileName: 'a.csv', content: file }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND' });
    }
    // An import of another organization of the same account is not found through this one.
    const otherOrg = await createActiveOrganization(deps, op.actor);
    expect(await failure(callerFor(deps, op.actor).imports.get({ organizationId: otherOrg.organizationId, importId: firstImportId }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'IMPORT.NOT_FOUND',
    });
  });
});

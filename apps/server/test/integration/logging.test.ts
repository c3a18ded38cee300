import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueJob, findJobByKey } from '@mailyard/db/queries/jobs';
import { consoleLogger } from '../../src/deps.ts';
import { runNextJob } from '../../src/jobs/worker.ts';
import { recordAudit } from '../../src/services/audit.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';

/**
 * What reaches the log (and the jobs table) when a statement fails: the statement and PostgreSQL's words, never the
 * parameters, which hold what was being written (a password, personal data, a whole import report).
 */
let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());
afterEach(() => vi.restoreAllMocks());

const SECRET = 'Sekret-Report-4711';

/** A real failed statement: an audit event whose `after` PostgreSQL's jsonb refuses (a lone surrogate), beside a secret. */
async function failedStatement(): Promise<Error> {
  const after = { password: SECRET, displayName: 'Ann \ud800' };
  const error = await recordAudit(deps.db, op.actor, { action: 'user.update', target: { type: 'user', id: 'u-1' }, after }, deps.clock()).then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('the statement was expected to fail');
  expect(format(error)).toContain(SECRET); // what a plain console.error(error) would have printed
  return error;
}

/** Everything a console method was called with, as the console prints it. */
function printed(method: 'log' | 'warn' | 'error') {
  const lines: string[] = [];
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(format(...args)));
  return lines;
}

describe('the log', () => {
  it('keeps a failed statement’s SQL and PostgreSQL’s words, not its parameters', async () => {
    const error = await failedStatement();
    const lines = printed('error');
    consoleLogger.error('tRPC users.updateDetails failed', { error });
    const line = lines.join('\n');
    expect(line).toContain('tRPC users.updateDetails failed');
    expect(line).toMatch(/Failed query: insert into "audit_events"/);
    expect(line).toContain('invalid input syntax for type json (SQLSTATE 22P02)');
    expect(line).toContain('    at recordAudit'); // the stack frames stay
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain('params:');
    expect(line).not.toMatch(/\\ud800|\ud800/);
  });

  it('keeps a failed job’s error the same way, in the log and in the jobs table', async () => {
    const error = await failedStatement();
    const warnings = printed('warn');
    const key = `test.fail:${Date.now()}`;
    await enqueueJob(deps.db, { kind: 'test.fail', payload: {}, runAt: deps.clock(), key, maxAttempts: 3, createdAt: deps.clock() });
    const registry = {
      'test.fail': {
        run: () => Promise.reject(error),
      },
    };
    expect(await runNextJob({ ...deps, log: consoleLogger }, registry)).toBe(true);
    expect(warnings.join('\n')).toMatch(/job test\.fail #\d+ attempt 1 failed: Failed query: insert into "audit_events"/);
    expect(warnings.join('\n')).not.toContain(SECRET);
    const job = await findJobByKey(deps.db, key);
    expect(job?.lastError).toMatch(/^Failed query: insert into "audit_events"/);
    expect(job?.lastError).not.toContain(SECRET);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_STATEMENT_CHARS, safeErrorMessage } from './log.ts';

describe('safeErrorMessage', () => {
  // drizzle's shape of a failed query: the statement, then every parameter (test/integration/logging.test.ts has a real one).
  const failedQuery = (rows: number) =>
    new Error(`Failed query: insert into "users" ("id", "name") values ${Array.from({ length: rows }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')}\nparams: u-1,secret`, {
      cause: new Error('MAX_PARAMETERS_EXCEEDED: Max number of parameters (65534) exceeded'),
    });

  it('keeps a short statement whole, without its parameters', () => {
    expect(safeErrorMessage(failedQuery(2))).toBe('Failed query: insert into "users" ("id", "name") values ($1, $2), ($3, $4) ← caused by: MAX_PARAMETERS_EXCEEDED: Max number of parameters (65534) exceeded');
  });

  it('cuts a multi-row statement to its beginning and says how long it was, keeping the cause', () => {
    const message = safeErrorMessage(failedQuery(40_000));
    const [statement, cause] = message.split(' ← caused by: ');
    expect(statement!.length).toBeLessThan(MAX_STATEMENT_CHARS + 40);
    expect(statement).toMatch(/^Failed query: insert into "users" \("id", "name"\) values \(\$1, \$2\)/);
    expect(statement).toMatch(/… \([\d,]+ characters\)$/);
    expect(cause).toContain('MAX_PARAMETERS_EXCEEDED');
    expect(message).not.toContain('secret');
  });
});

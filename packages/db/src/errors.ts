/**
 * The name of the unique constraint a failed statement violated, or `null`. Services turn it into a
 * domain error (`USER.NAME_TAKEN`, `ADDRESS.IN_USE`), so a race ends in a clear message, never a duplicate.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string };
    if (pg.code === '23505') return pg.constraint_name ?? '';
  }
  return null;
}

/** Whether a statement failed only because an earlier one of its transaction did (25P02). */
function abortedByEarlierStatement(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '25P02') return true;
  }
  return false;
}

/**
 * Awaits statements issued together in one transaction (the driver pipelines them). When one fails, those sent
 * after it fail too, with "transaction aborted", possibly before the first failure has gone through its caller's
 * error mapping: the error thrown is the one that caused the others, not whichever settled first.
 */
export async function allStatements<T extends readonly unknown[]>(statements: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !abortedByEarlierStatement(e)) ?? failures[0];
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** Driver codes (postgres.js, Node sockets) of a connection that could not be made or was lost. */
const connectionCodes = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether a statement failed because PostgreSQL could not be reached, not because of what it asked: the connection
 * refused or lost, the server shutting down or starting (57P01–57P03), a connection exception (class 08), or no
 * connection slot left (53300). Such a request is answered 503 (try again); anything else stays an error of ours.
 */
/** What a client of Mailyard reads when a request met `isDatabaseUnavailable` (answered 503). */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Mailyard cannot reach its database right now. Try again in a moment.';

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (connectionCodes.has(code) || /^(08|57P0[123]$|53300$)/.test(code)) return true;
  }
  return false;
}

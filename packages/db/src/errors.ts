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

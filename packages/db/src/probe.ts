import postgres from 'postgres';

/**
 * A test's own look into a database a running Mailyard uses (fault tests, the soak run): exact row counts, row and
 * table locks held to stop the server at a known point, who is waiting on them, and the few direct changes a test
 * needs (moving a due date into the past). Never used by the product.
 */
export interface Counts {
  organizations: number;
  users: number;
  addresses: number;
  mailboxes: number;
  jobs: number;
  auditEvents: number;
}

/** A lock held in an open transaction until `release()` commits it (a second call does nothing). */
export interface HeldLock {
  release(): Promise<void>;
}

export interface Probe {
  /** Every row, or only an organization's (jobs by their payload's `organizationId`). */
  counts(organizationId?: string): Promise<Counts>;
  /** Audit events by action (of one organization when given). */
  auditActions(organizationId?: string): Promise<Record<string, number>>;
  /** Jobs by `kind:state` (of one organization when given). */
  jobStates(organizationId?: string): Promise<Record<string, number>>;
  /** Runs `statements` (lock statements: `lock table …`, `select … for update`) in a transaction left open. */
  hold(statements: string[]): Promise<HeldLock>;
  /** How many other sessions of this database wait on a lock right now. */
  lockWaiters(): Promise<number>;
  sql: postgres.Sql;
  close(): Promise<void>;
}

const COUNTED = {
  organizations: { table: 'organizations', org: 'id' },
  users: { table: 'users', org: 'organization_id' },
  addresses: { table: 'addresses', org: 'organization_id' },
  mailboxes: { table: 'mailboxes', org: 'organization_id' },
  jobs: { table: 'jobs', org: "payload->>'organizationId'" },
  auditEvents: { table: 'audit_events', org: 'organization_id' },
} as const;

export function openProbe(url: string): Probe {
  const sql = postgres(url, { max: 3, onnotice: () => {}, connection: { application_name: 'mailyard-probe' } });
  /** `select <key>, count(*) from <table> [where <org column> = $1] group by 1` as a record. */
  const tally = async (key: string, table: keyof typeof COUNTED, organizationId?: string) => {
    const filter = organizationId ? ` where ${COUNTED[table].org} = $1` : '';
    const rows = await sql.unsafe(`select ${key} as key, count(*)::int as n from ${COUNTED[table].table}${filter} group by 1`, organizationId ? [organizationId] : []);
    return Object.fromEntries(rows.map((r) => [r.key as string, r.n as number]));
  };
  return {
    sql,
    async counts(organizationId) {
      const parts = Object.entries(COUNTED).map(
        ([name, { table, org }]) => `(select count(*)::int from ${table}${organizationId ? ` where ${org} = $1` : ''}) as "${name}"`,
      );
      const [row] = await sql.unsafe(`select ${parts.join(', ')}`, organizationId ? [organizationId] : []);
      return row as unknown as Counts;
    },
    auditActions: (organizationId) => tally('action', 'auditEvents', organizationId),
    jobStates: (organizationId) => tally("kind || ':' || state", 'jobs', organizationId),
    async hold(statements) {
      const reserved = await sql.reserve();
      await reserved`begin`;
      for (const statement of statements) await reserved.unsafe(statement);
      let released = false;
      return {
        async release() {
          if (released) return; // a test's clean-up may release what the test already did
          released = true;
          await reserved`commit`;
          reserved.release();
        },
      };
    },
    async lockWaiters() {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
      return row!.n;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

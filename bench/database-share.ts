import type { Db } from '../packages/db/src/client.ts';
import { backendPids, enableStatementStats, readStatementStats, resetStatementStats } from '../packages/db/src/bench/statement-stats.ts';
import { cpuMs } from './load.ts';

/** One statement's part of a run, per request of the endpoint loaded (pg_stat_statements). */
export interface StatementShare {
  /** The statement as pg_stat_statements normalises it (constants as `$n`), shortened. */
  query: string;
  callsPerRequest: number;
  msPerCall: number;
  msPerRequest: number;
}

/** What PostgreSQL spent on a run, per request. */
export interface DatabaseShare {
  /** CPU time (user + system) of the database's backends: the server's connections and nothing else at work. */
  cpuMsPerRequest: number;
  /** Execution time of the statements (pg_stat_statements), null without the extension. */
  executionMsPerRequest: number | null;
  /** The statements by their execution time, most first; null without the extension. */
  statements: StatementShare[] | null;
}

const QUERY_CHARS = 110;

/**
 * Measures PostgreSQL's part of each run on one database: its backends' CPU time from /proc (PostgreSQL runs on the
 * same machine), and, when PostgreSQL preloads `pg_stat_statements` (it must be in `shared_preload_libraries`, which
 * takes a restart), each statement's calls and execution time: every statement of the database in the run, the job
 * worker's included.
 */
export async function databaseMeter(db: Db) {
  const statementsAvailable = await enableStatementStats(db);
  // A backend may end between the query and the read: it then counts nothing.
  const backendCpu = async () => new Map(await Promise.all((await backendPids(db)).map(async (pid) => [pid, await cpuMs(pid).catch(() => 0)] as const)));
  const statements = async (requests: number): Promise<StatementShare[]> =>
    (await readStatementStats(db)).map((r) => ({
      query: r.query.replace(/\s+/g, ' ').slice(0, QUERY_CHARS) + (r.query.length > QUERY_CHARS ? '…' : ''),
      callsPerRequest: r.calls / requests,
      msPerCall: r.totalMs / r.calls,
      msPerRequest: r.totalMs / requests,
    }));

  return {
    statementsAvailable,
    /** Starts counting; the function returned ends it and gives the share per request of the `requests` answered. */
    async start(): Promise<(requests: number) => Promise<DatabaseShare>> {
      if (statementsAvailable) await resetStatementStats(db);
      const before = await backendCpu();
      return async (requests) => {
        const after = await backendCpu();
        const cpu = [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
        const per = Math.max(requests, 1);
        const listed = statementsAvailable ? await statements(per) : null;
        return {
          cpuMsPerRequest: cpu / per,
          executionMsPerRequest: listed ? listed.reduce((sum, s) => sum + s.msPerRequest, 0) : null,
          statements: listed,
        };
      };
    },
  };
}

export type DatabaseMeter = Awaited<ReturnType<typeof databaseMeter>>;

import path from 'node:path';
import { connect, runMigrations, startEmbeddedPostgres, type EmbeddedDatabase } from '@mailyard/db';
import { buildApp } from './app.ts';
import { ensureFirstOperator } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { consoleLogger, type Deps } from './deps.ts';
import { jobRegistry } from './jobs/registry.ts';
import { startWorker } from './jobs/worker.ts';
import { systemClock } from './platform/clock.ts';
import { loadOrCreateKeyFile, masterKeyFrom, parseMasterKey } from './platform/secrets.ts';
import { explainStartFailure, type StartContext } from './platform/start-failure.ts';
import { ensureRootAccessKey } from './services/access-keys/ensure-root.ts';
import { ensureMailboxKeys } from './services/mailboxes/encryption-key.ts';
import { schedulePruning } from './services/housekeeping/schedule-pruning.ts';
import { scheduleDomainChecks } from './services/mail-domains/schedule-checks.ts';
import { scheduleDirectorySyncs } from './services/directories/schedule-syncs.ts';

/**
 * The composition root: configuration → database (external or embedded) → migrations → first operator →
 * HTTP server + job worker. SIGINT/SIGTERM stop them in reverse order, the embedded database last. A failed start
 * says what happened and what to do (`explainStartFailure`), stops what it started, and exits 1.
 */
let embedded: EmbeddedDatabase | null = null;
const start: StartContext = { step: 'reading the configuration', config: null };

async function main() {
  const config = loadConfig();
  start.config = config;
  const log = consoleLogger;
  const dataDir = path.resolve(config.MAILYARD_DATA_DIR);

  start.step = 'starting the embedded PostgreSQL';
  embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(dataDir, { notice: (line) => log.warn(line) });
  const url = config.DATABASE_URL ?? embedded!.url;
  start.step = 'applying the database migrations';
  // Through a pooler in transaction mode, migrations take the direct connection (their lock is a session's).
  await runMigrations(config.MAILYARD_MIGRATION_DATABASE_URL ?? url);
  const client = connect(url, { preparedStatements: config.MAILYARD_DB_PREPARED_STATEMENTS });
  start.step = 'reading the master key';
  const key = config.MAILYARD_SECRET_KEY ? parseMasterKey(config.MAILYARD_SECRET_KEY) : await loadOrCreateKeyFile(dataDir);
  const deps: Deps = { db: client.db, config, clock: systemClock, masterKey: masterKeyFrom(key), log };

  start.step = 'preparing the first operator and the root access key';
  const first = await ensureFirstOperator(deps.db, config, deps.clock());
  const rootKey = await ensureRootAccessKey(deps);
  start.step = 'giving older organizations their mailbox keys';
  const keyed = await ensureMailboxKeys(deps);
  if (keyed > 0) log.info(`mailbox keys made for ${keyed} organizations created before mailbox encryption`);
  // Housekeeping runs hourly from the queue; the first run is asked for at every start (one per hour, by key).
  await schedulePruning(deps.db, deps.clock(), deps.clock());
  // Domain checks sweep every MAILYARD_DOMAIN_CHECK_SECONDS the same way (one sweep per slot, by key).
  await scheduleDomainChecks(deps.db, deps.clock(), deps.clock(), config.MAILYARD_DOMAIN_CHECK_SECONDS);
  // Standard setup organizations are synchronised with their directories every MAILYARD_DIRECTORY_SYNC_SECONDS.
  await scheduleDirectorySyncs(deps.db, deps.clock(), deps.clock(), config.MAILYARD_DIRECTORY_SYNC_SECONDS);
  start.step = 'starting the HTTP server';
  const server = await buildApp(deps, { logger: false });
  const address = await server.listen({ port: config.PORT, host: config.HOST });
  // After listening: a start that fails there has claimed no job it would leave to its lease.
  const worker = startWorker(deps, jobRegistry, { leaseMs: config.MAILYARD_JOB_LEASE_SECONDS * 1000 });

  log.info(embedded ? `Database: embedded PostgreSQL in ${path.join(dataDir, 'postgres')}` : 'Database: DATABASE_URL');
  if (first) {
    log.info(`First operator: ${first.email}`);
    if (first.generatedPassword) log.info(`Generated password (shown once, change it after signing in): ${first.generatedPassword}`);
  }
  if (rootKey === 'inactive') log.warn(`The root access key ${config.MAILYARD_ROOT_ACCESS_KEY_ID} is deactivated: activate it in the console to use it.`);
  // Last: whoever waits for this line (a supervisor, the tests) has read everything the start had to say.
  log.info(`Mailyard is running: admin console ${address}/admin/ · portal ${address}/portal/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await server.close();
    await worker.stop();
    await client.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  console.error(explainStartFailure(error, start));
  // A failed start must not leave the embedded PostgreSQL running without its owner.
  await embedded?.stop().catch(() => {});
  process.exit(1);
});

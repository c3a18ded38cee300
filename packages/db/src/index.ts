export { connect, inTransaction, isTransaction, ping, type Database, type DatabaseClient, type Db, type Transaction } from './client.ts';
export { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';
export { allStatements, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, violatedUniqueConstraint } from './errors.ts';
export { migrationsFolder, runMigrations } from './migrate.ts';

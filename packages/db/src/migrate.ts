import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/**
 * The committed SQL migrations. In the built server this module is bundled into `dist/main.js`, and the
 * build copies the folder to `dist/migrations`, so the same relative path works in both places.
 */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const MIGRATION_LOCK = 7_270_701;

/**
 * Applies pending migrations; applied ones are skipped, so every start runs it. An advisory lock on a
 * dedicated connection lets several replicas start at once without racing each other.
 */
export async function runMigrations(url: string, folder = migrationsFolder): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}

/**
 * The floor of the throughput benchmark (`pnpm bench:throughput`): a bare Fastify 5 + postgres.js route that runs the
 * users list's own keyset statement (the SQL text and parameters `listUsersPage` sends, passed in by the benchmark) as
 * a named prepared statement, with no authentication, no validation and no tRPC, and answers the rows as JSON. It
 * bypasses `@mailyard/db` on purpose: it is what any Node service would pay for the same page. Prints its port.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import postgres from 'postgres';

const url = process.env.BARE_DATABASE_URL;
const statement = process.env.BARE_STATEMENT;
if (!url || !statement) throw new Error('BARE_DATABASE_URL and BARE_STATEMENT are not set');
const { text, params } = JSON.parse(statement) as { text: string; params: postgres.ParameterOrJSON<never>[] };

// The same pool size as Mailyard's (`connect` in packages/db).
const sql = postgres(url, { max: 10, onnotice: () => {} });
const app = Fastify({ logger: false });
app.get('/users', async () => ({ items: await sql.unsafe(text, params, { prepare: true }) }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${(app.server.address() as AddressInfo).port}\n`);

const stop = async () => {
  await app.close();
  await sql.end({ timeout: 5 });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

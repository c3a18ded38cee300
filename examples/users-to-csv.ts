/**
 * Lists every user of an organization as CSV on stdout, paging through the whole list.
 *
 *   MAILYARD_URL=http://127.0.0.1:3000 MAILYARD_TOKEN=myd_… tsx users-to-csv.ts m-0123… > users.csv
 *
 * --page-size sets how many users each request asks for (1–100; the server refuses more).
 *
 * A read-only token is enough.
 */
import { parseArgs } from 'node:util';
import { connect, everyItem, run, say, UsageError } from './lib/script.ts';

const columns = ['id', 'name', 'displayName', 'email', 'state', 'role', 'enabledAt', 'disabledAt'] as const;

/** RFC 4180: quote a field that holds a comma, a quote or a line break, doubling its quotes. */
function csvField(value: string | Date | null): string {
  const text = value instanceof Date ? value.toISOString() : (value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

run(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'page-size': { type: 'string', default: '100' } } });
  const [organizationId] = positionals;
  const limit = Number(values['page-size']);
  if (!organizationId || positionals.length > 1 || !Number.isInteger(limit)) {
    throw new UsageError('Usage: tsx users-to-csv.ts <organizationId> [--page-size 1..100]');
  }
  const client = connect();

  process.stdout.write(`${columns.join(',')}\r\n`);
  let count = 0;
  const pages = everyItem(
    (cursor) => client.users.list.query({ organizationId, cursor, limit }),
    (page, soFar) => say(`page ${page}: ${soFar} users so far`),
  );
  for await (const user of pages) {
    process.stdout.write(`${columns.map((c) => csvField(user[c])).join(',')}\r\n`);
    count += 1;
  }
  say(`Exported ${count} users of ${organizationId}.`);
  return 0;
});

/**
 * Disables the users listed in a file: one per line, by user name, email address or id; blank lines and
 * `#` comments are skipped. Every line is resolved before anything changes: one unknown user stops the run.
 *
 *   MAILYARD_URL=… MAILYARD_TOKEN=… tsx bulk-disable.ts m-0123… leavers.txt --dry-run
 *
 * Without --dry-run the token must be read-write. A disabled user cannot sign in at once; the mailbox is
 * kept for 30 days, then deleted (enable the user again before then to keep it).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMailyardError, mailyardError, type MailyardClient } from '@mailyard/client';
import { connect, describeError, run, say, UsageError } from './lib/script.ts';

/** The server's limit for one bulk call (one page of the console's list). */
const BATCH = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Listed {
  line: number;
  text: string;
}
interface Found extends Listed {
  id: string;
  name: string;
  state: string;
}

/** The user a line names, or null. A name or address is looked up by prefix; only an exact match counts. */
async function resolve(client: MailyardClient, organizationId: string, text: string) {
  if (UUID.test(text)) {
    try {
      return await client.users.get.query({ organizationId, userId: text });
    } catch (error) {
      if (isMailyardError(error, 'USER.NOT_FOUND')) return null;
      throw error;
    }
  }
  const byEmail = text.includes('@');
  const page = await client.users.list.query(
    byEmail ? { organizationId, primaryEmailPrefix: text, limit: 100 } : { organizationId, usernamePrefix: text, limit: 100 },
  );
  const wanted = text.toLowerCase();
  return page.items.find((u) => (byEmail ? u.email : u.name)?.toLowerCase() === wanted) ?? null;
}

run(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  const [organizationId, file] = positionals;
  if (!organizationId || !file || positionals.length > 2) throw new UsageError('Usage: tsx bulk-disable.ts <organizationId> <file> [--dry-run]');
  const dryRun = values['dry-run'];
  const client = connect();

  const listed: Listed[] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, text: raw.replace(/#.*/, '').trim() }))
    .filter((l) => l.text !== '');
  say(`${file}: ${listed.length} users listed.`);

  const found: Found[] = [];
  const missing: Listed[] = [];
  for (const entry of listed) {
    const user = await resolve(client, organizationId, entry.text);
    if (user) found.push({ ...entry, id: user.id, name: user.name, state: user.state });
    else missing.push(entry);
  }
  for (const m of missing) say(`line ${m.line}: no user "${m.text}" in ${organizationId}`);
  if (missing.length > 0) {
    say(`Nothing disabled: ${missing.length} of ${listed.length} users not found.`);
    return 1;
  }

  const seen = new Set<string>();
  const toDisable = found.filter((u) => u.state === 'ENABLED' && !seen.has(u.id) && seen.add(u.id));
  const skipped = found.length - toDisable.length;
  for (const u of found) if (u.state !== 'ENABLED') say(`line ${u.line}: ${u.name} is ${u.state}, skipped`);

  if (dryRun) {
    for (const u of toDisable) say(`would disable ${u.name}`);
    say(`Dry run: would disable ${toDisable.length} users, ${skipped} skipped. Nothing changed.`);
    return 0;
  }

  let disabled = 0;
  for (let i = 0; i < toDisable.length; i += BATCH) {
    const batch = toDisable.slice(i, i + BATCH);
    try {
      const result = await client.users.disable.mutate({ organizationId, userIds: batch.map((u) => u.id) });
      disabled += result.users.length;
      for (const u of batch) say(`disabled ${u.name}`);
    } catch (error) {
      // A refused batch changes nothing; the server names the row (`userIds.3`): point at the file's line.
      const field = Object.keys(mailyardError(error)?.fieldErrors ?? {}).find((f) => /^userIds\.\d+$/.test(f));
      const culprit = field ? batch[Number(field.split('.')[1])] : undefined;
      say(`Failed${culprit ? ` at line ${culprit.line} (${culprit.name})` : ''}: ${describeError(error)}`);
      say(`Disabled ${disabled} users before the failure; the failed batch of ${batch.length} changed nothing.`);
      return 1;
    }
  }
  say(`Disabled ${disabled} users, ${skipped} skipped.`);
  return 0;
});

/**
 * Gives every enabled user whose primary address is at one domain an alias with the same local part at
 * another domain of the organization: alice@old.example → alias alice@new.example.
 *
 *   MAILYARD_URL=… MAILYARD_TOKEN=… tsx alias-every-user.ts m-0123… old.example new.example [--dry-run]
 *
 * Users who already have the alias are skipped; a user the server refuses is reported and the run goes on.
 * The exit status is 1 when any user failed.
 */
import { parseArgs } from 'node:util';
import { isMailyardError } from '@mailyard/client';
import { connect, describeError, everyItem, run, say, UsageError } from './lib/script.ts';

run(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  const [organizationId, fromDomain, toDomain] = positionals;
  if (!organizationId || !fromDomain || !toDomain || positionals.length > 3) {
    throw new UsageError('Usage: tsx alias-every-user.ts <organizationId> <users-domain> <alias-domain> [--dry-run]');
  }
  const client = connect();
  const suffix = `@${fromDomain.toLowerCase()}`;
  const counts = { added: 0, present: 0, failed: 0 };

  const users = everyItem(
    (cursor) => client.users.list.query({ organizationId, state: 'ENABLED', cursor, limit: 100 }),
    (page, soFar) => say(`page ${page}: ${soFar} users read`),
  );
  for await (const user of users) {
    // System users (postmaster) are the mail system's own: it gives them their addresses on every domain.
    if (user.role === 'SYSTEM_USER' || !user.email?.toLowerCase().endsWith(suffix)) continue;
    const localPart = user.email.slice(0, -suffix.length);
    const alias = `${localPart}@${toDomain}`.toLowerCase();
    if (values['dry-run']) {
      say(`${user.email}: would add ${alias}`);
      counts.added += 1;
      continue;
    }
    try {
      await client.users.addAlias.mutate({ organizationId, entityId: user.id, localPart, domain: toDomain });
      say(`${user.email}: added ${alias}`);
      counts.added += 1;
    } catch (error) {
      // The address is taken: by this very user (a re-run) is fine; by anyone else is a failure.
      if (isMailyardError(error, 'ADDRESS.IN_USE')) {
        const detail = await client.users.get.query({ organizationId, userId: user.id });
        if (detail.aliases.some((a) => a.toLowerCase() === alias)) {
          say(`${user.email}: already has ${alias}`);
          counts.present += 1;
          continue;
        }
      }
      say(`${user.email}: FAILED ${describeError(error)}`);
      counts.failed += 1;
    }
  }
  const verb = values['dry-run'] ? 'Dry run: would add' : 'Added';
  say(`${verb} ${counts.added} aliases at ${toDomain}; ${counts.present} already present; ${counts.failed} failed.`);
  return counts.failed > 0 ? 1 : 0;
});

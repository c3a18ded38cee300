import { CreateUserCommand, RegisterToWorkMailCommand, type WorkMailClient } from '@aws-sdk/client-workmail';
import { ImapFlow } from 'imapflow';
import { mapConcurrently } from '../../src/services/migration/engine/pool.ts';
import type { MailStack } from '../mailserver/mail-stack.ts';

/** Enabled users with a password and an address on `domain`, created through WorkMail's API (the migration's sources). */
export async function createMailUsers(client: WorkMailClient, OrganizationId: string, domain: string, names: string[], password: (name: string) => string): Promise<void> {
  await mapConcurrently(names, 8, async (Name) => {
    const { UserId } = await client.send(new CreateUserCommand({ OrganizationId, Name, DisplayName: Name, Password: password(Name) }));
    await client.send(new RegisterToWorkMailCommand({ OrganizationId, EntityId: UserId, Email: `${Name}@${domain}` }));
  });
}

/** An IMAP session on a test mail stack (its certificate is the test's self-signed one); `authzid` for a master login. */
export async function testImap(stack: MailStack, auth: { user: string; pass: string; authzid?: string }): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port: stack.imapPort, secure: false, tls: { rejectUnauthorized: false }, auth, logger: false, disableAutoIdle: true });
  await client.connect();
  return client;
}

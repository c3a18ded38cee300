import { generateKeyPairSync } from 'node:crypto';
import { fail } from '@mailyard/core/errors';
import type { MailboxKeyInput } from '@mailyard/core/mailboxes';
import { findMailboxKey, listOrganizationsWithoutMailboxKey, setMailboxKey } from '@mailyard/db/queries/mailbox-keys';
import type { Db } from '@mailyard/db';
import type { Deps } from '../../deps.ts';
import { organizationKey, type MasterKey } from '../../platform/secrets.ts';

/**
 * Mailbox encryption at rest: Dovecot's mail_crypt plugin encrypts each message with the organization's mailbox key.
 * The key is an EC P-256 pair (what mail_crypt's global keys are); the private half is sealed with the organization's
 * data key, which the master key wraps, so neither the database nor the mail store alone opens a message.
 */
function newMailboxKey(masterKey: MasterKey, wrappedDataKey: string): { publicKey: string; sealedPrivateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, sealedPrivateKey: organizationKey(masterKey, wrappedDataKey).seal(privateKey) };
}

/**
 * Gives the organization its mailbox key, unless it has one (a key mail was encrypted with is never replaced). True
 * when this call gave it.
 */
export function ensureMailboxKey(deps: Deps, db: Db, organizationId: string, wrappedDataKey: string): Promise<boolean> {
  return setMailboxKey(db, organizationId, newMailboxKey(deps.masterKey, wrappedDataKey));
}

const BATCH = 200;

/** At start: organizations made before mailbox encryption get their key, so their new mail is encrypted too. */
export async function ensureMailboxKeys(deps: Deps): Promise<number> {
  let given = 0;
  for (let after: string | null = null; ; ) {
    const rows = await listOrganizationsWithoutMailboxKey(deps.db, { after, limit: BATCH });
    for (const row of rows) if (await ensureMailboxKey(deps, deps.db, row.id, row.wrappedDataKey!)) given++;
    if (rows.length < BATCH) return given;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * The private mailbox key for a session that reads the mailbox (Dovecot's userdb, deploy/dovecot/mailbox-key.sh):
 * base64 of the PEM, as Dovecot takes it in a userdb field; null when the organization has no key (mail stored plain).
 */
export async function mailboxPrivateKey(deps: Deps, input: MailboxKeyInput): Promise<{ privateKey: string | null }> {
  const row = await findMailboxKey(deps.db, input.mailbox);
  if (!row) fail('USER.NOT_FOUND', `No enabled mailbox has the address ${input.mailbox}.`);
  if (!row.sealedPrivateKey || !row.wrappedDataKey) return { privateKey: null };
  return { privateKey: organizationKey(deps.masterKey, row.wrappedDataKey).open(row.sealedPrivateKey).toString('base64') };
}

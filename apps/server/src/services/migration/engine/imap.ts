import { ImapFlow } from 'imapflow';

/** How a migration signs in to one mailbox: as its owner, or as a master (admin) user on its behalf. */
export type ImapLogin = { user: string; pass: string } | { master: string; pass: string; as: string };

/**
 * An IMAP session for one mailbox. `imaps://` is TLS from the start, `imap://` upgrades with STARTTLS when the server
 * offers it (Mailyard's Dovecot requires it); certificates are checked as Node checks them (NODE_EXTRA_CA_CERTS adds
 * a private CA). A master login is SASL PLAIN with the mailbox owner as authorization identity (RFC 4616), which
 * Dovecot's master users and most servers' admin logins accept.
 */
export async function openImap(url: string, login: ImapLogin): Promise<ImapFlow> {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const client = new ImapFlow({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: 'master' in login ? { user: login.master, pass: login.pass, authzid: login.as } : login,
    logger: false,
    disableAutoIdle: true,
  });
  // A connection dropped by the server later rejects the command in flight; without a listener it would crash us.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`${u.host}: ${imapErrorMessage(error)}`, { cause: error });
  }
  return client;
}

/** imapflow's errors carry the server's words in `responseText`; a failed sign-in says only that. */
export function imapErrorMessage(error: unknown): string {
  const e = error as { authenticationFailed?: boolean; responseText?: string; message?: string };
  if (e.authenticationFailed) return `sign-in refused${e.responseText ? `: ${e.responseText}` : ''}`;
  return e.responseText ?? e.message ?? String(error);
}

export async function closeImap(client: ImapFlow | null): Promise<void> {
  if (!client) return;
  await client.logout().catch(() => client.close());
}

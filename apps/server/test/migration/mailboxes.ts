import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { copyableFlags, targetFolderPath } from '@mailyard/core/migration';
import type { ImapFlow } from 'imapflow';
import { startMailStack, type MailStack, type MasterUser } from '../mailserver/mail-stack.ts';
import { activeOrganization, awsTenant, type AwsTenant } from '../support/aws.ts';
import { createTestDeps, liveClock, type TestDeps } from '../support/deps.ts';
import { createMailUsers } from '../support/mail-seed.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * What the tests of the mailbox copy share (the command's and the console's): the source — a Mailyard whose `/aws` is
 * the WorkMail API and whose real Dovecot, with a master user, holds the mail — a WorkMail-like mailbox seeded over
 * IMAP, and the comparison of two mailboxes message by message.
 */
export interface MailSource {
  deps: TestDeps;
  server: TestServer;
  tenant: AwsTenant;
  organizationId: string;
  domain: string;
  mail: MailStack;
  close(): Promise<void>;
}

/**
 * One Mailyard serves both `/aws` (with a worker: WorkMail's CreateOrganization provisions through it) and its
 * Dovecot's requests (mailbox keys); its organization gets `users` enabled users, `password(name)` each.
 */
export async function startMailSource(master: MasterUser, users: string[], password: (name: string) => string): Promise<MailSource> {
  const token = randomBytes(24).toString('hex');
  const deps = await createTestDeps({ MAILYARD_MAIL_SERVER_TOKEN: token }, liveClock());
  const server = await startTestServer(deps);
  const [mail, tenant] = await Promise.all([startMailStack(deps, { url: server.url, token }, { masterUsers: [master] }), awsTenant(deps, server.url)]);
  const org = await activeOrganization(tenant.client, `wm-${Math.random().toString(36).slice(2, 8)}`);
  await createMailUsers(tenant.client, org.organizationId, org.domain, users, password);
  return {
    deps,
    server,
    tenant,
    organizationId: org.organizationId,
    domain: org.domain,
    mail,
    async close() {
      await mail.stop();
      await server.close();
      await deps.database.drop();
    },
  };
}

/**
 * The test servers' certificates are self-signed: trusted as an operator trusts a private CA (NODE_EXTRA_CA_CERTS),
 * added to this process's default CAs for a copy that runs in it (the console's job), never skipped.
 */
export async function trustMailStacks(stacks: MailStack[]): Promise<void> {
  const pems = await Promise.all(stacks.map((s) => readFile(s.certificateFile, 'utf8')));
  setDefaultCACertificates([...getCACertificates('default'), ...pems]);
}

export const seedDate = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000);

/** Message `i` of seeded user `user` (Message-ID `<m{i}.u{user}@seed.example>` unless `messageId: false`). */
export function seedMessage(i: number, user: number, to: string, options: { attachment: boolean; messageId: boolean }): string {
  const headers = [
    `From: Sender ${i % 9} <sender${i % 9}@example.com>`,
    `To: ${to}`,
    `Subject: Message ${i} for user${user}`,
    `Date: ${seedDate(i).toUTCString()}`,
    ...(options.messageId ? [`Message-ID: <m${i}.u${user}@seed.example>`] : []),
    'MIME-Version: 1.0',
  ];
  if (!options.attachment) return [...headers, 'Content-Type: text/plain; charset=utf-8', '', `Body of message ${i}.`, ''].join('\r\n');
  const bytes = createHash('sha512').update(`${user}-${i}`).digest();
  const attachment = Buffer.concat(Array.from({ length: 400 }, () => bytes)).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    ...headers,
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Message ${i} has an attachment.`,
    '--b',
    'Content-Type: application/octet-stream; name="data.bin"',
    'Content-Disposition: attachment; filename="data.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    attachment,
    '--b--',
    '',
  ].join('\r\n');
}

/**
 * A WorkMail-like mailbox of `count` messages (plus message 8 a second time, from 9 on): INBOX, Sent Items, Archive
 * with Archive/2025 below it; flags and a keyword, an attachment on every tenth, no Message-ID on every 97th (from 1).
 * Returns how many messages it appended.
 */
export async function seedMailbox(client: ImapFlow, user: number, to: string, count: number): Promise<number> {
  const delimiter = (await client.list()).find((f) => f.path === 'INBOX')!.delimiter;
  const folders = ['INBOX', 'Sent Items', 'Archive', `Archive${delimiter}2025`];
  for (const f of folders.slice(1)) await client.mailboxCreate(f);
  let appended = 0;
  for (let i = 0; i < count; i++) {
    const folder = i % 20 === 3 ? folders[2]! : [folders[0]!, folders[0]!, folders[1]!, folders[3]!][i % 4]!;
    const flags = [i % 3 === 0 && '\\Seen', i % 7 === 0 && '\\Flagged', i % 11 === 0 && '\\Answered', i % 13 === 0 && '$Forwarded'].filter((f): f is string => !!f);
    const raw = seedMessage(i, user, to, { attachment: i % 10 === 5, messageId: i % 97 !== 1 });
    const internalDate = new Date(seedDate(i).getTime() + 17_000);
    // One message twice in the same folder: both copies move, once each.
    for (let n = i === 8 ? 2 : 1; n > 0; n--, appended++) await client.append(folder, raw, flags, internalDate);
  }
  return appended;
}

/** Every message of a mailbox, in the terms a copy must keep: folder (in the target's names), Message-ID, SHA-256 of the message, flags, internal date. */
async function mailboxContent(client: ImapFlow, mapFolder: (path: string, delimiter: string) => string): Promise<string[]> {
  const rows: string[] = [];
  for (const folder of await client.list()) {
    const lock = await client.getMailboxLock(folder.path, { readOnly: true });
    try {
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const m of client.fetch('1:*', { uid: true, flags: true, internalDate: true, envelope: true, source: true })) {
          rows.push(
            JSON.stringify({
              folder: mapFolder(folder.path, folder.delimiter),
              messageId: m.envelope?.messageId ?? null,
              bodySha: createHash('sha256').update(m.source!).digest('hex'),
              flags: copyableFlags(m.flags ?? []).join(' '),
              internalDate: new Date(m.internalDate!).getTime(),
            }),
          );
        }
      }
    } finally {
      lock.release();
    }
  }
  return rows.sort();
}

/** Both mailboxes message by message, the source's folders named as the copy names them in the target. */
export async function bothMailboxes(source: ImapFlow, target: ImapFlow): Promise<{ source: string[]; target: string[] }> {
  const targetDelimiter = (await target.list()).find((f) => f.path === 'INBOX')!.delimiter;
  const [fromSource, fromTarget] = await Promise.all([mailboxContent(source, (p, d) => targetFolderPath(p, d, targetDelimiter)), mailboxContent(target, (p) => p)]);
  return { source: fromSource, target: fromTarget };
}

/** How many messages a mailbox holds, over all its folders. */
export async function messageCount(client: ImapFlow): Promise<number> {
  let n = 0;
  for (const f of await client.list()) {
    const status = await client.status(f.path, { messages: true });
    n += status ? (status.messages ?? 0) : 0;
  }
  return n;
}

/** Runs `work` on an IMAP session, then signs out. */
export async function withImap<T>(open: Promise<ImapFlow>, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await open;
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

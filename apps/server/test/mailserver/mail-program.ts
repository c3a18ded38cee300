import { ImapFlow } from 'imapflow';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailStack } from './mail-stack.ts';

/**
 * The person's mail program: nodemailer's SMTP client to send (into Postfix's SMTP port as the Internet does, or
 * signed in on the submission port), imapflow to read. The servers' certificate is the test's self-signed one.
 */
const tls = { rejectUnauthorized: false };

export interface Outgoing {
  from: string;
  to: string | string[];
  subject: string;
  /** The envelope sender when it differs from what nodemailer derives (`sender`, else `from`). */
  envelopeFrom?: string;
  sender?: string;
  /**
   * Makes the message about this many bytes long (lines of filler), and declares its exact size in MAIL FROM (SIZE=),
   * as mail servers do: Postfix's quota check can only weigh a message whose size it was told.
   */
  bytes?: number;
}

/** A message from outside, into the public SMTP port: resolves with Postfix's answer, rejects with its refusal. */
export function deliver(stack: MailStack, mail: Outgoing) {
  return send(nodemailer.createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, tls }), mail);
}

/** A message a person submits after signing in (STARTTLS, then AUTH PLAIN). */
export function submit(stack: MailStack, auth: { user: string; pass: string }, mail: Outgoing) {
  return send(nodemailer.createTransport({ host: '127.0.0.1', port: stack.submissionPort, secure: false, requireTLS: true, tls, auth }), mail);
}

/** Builds messages without sending them, to measure one. */
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
const FILLER_LINE = `${'x'.repeat(75)}\n`;

async function send(transport: Transporter, mail: Outgoing) {
  try {
    const to = [mail.to].flat();
    const message = {
      from: mail.from,
      to,
      subject: mail.subject,
      text: `${mail.subject}\n${FILLER_LINE.repeat(Math.floor((mail.bytes ?? 0) / FILLER_LINE.length))}`,
      ...(mail.sender ? { sender: mail.sender } : {}),
    };
    const size = mail.bytes === undefined ? undefined : ((await composer.sendMail(message)).message as Buffer).length;
    const envelope = mail.envelopeFrom || size ? { from: mail.envelopeFrom ?? mail.from, to, ...(size ? { size } : {}) } : undefined;
    return await transport.sendMail({ ...message, ...(envelope ? { envelope } : {}) });
  } finally {
    transport.close();
  }
}

export interface ReadMessage {
  subject: string;
  from: string;
  sender: string | null;
  /** The message as stored, headers the servers added on the way included. */
  source: Buffer;
}

/**
 * Signs in over IMAP and waits (delivery is queued: Postfix hands the message to Dovecot's LMTP a moment later) until
 * INBOX holds a message with `subject`; returns it, or null when none arrived within `waitMs`.
 */
export async function readInbox(stack: MailStack, user: string, pass: string, subject: string, waitMs = 15_000): Promise<ReadMessage | null> {
  const client = new ImapFlow({ host: '127.0.0.1', port: stack.imapPort, secure: false, tls, auth: { user, pass }, logger: false });
  await client.connect();
  try {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const found = await client.search({ header: { subject } }, { uid: true });
        if (found && found.length > 0) {
          const message = await client.fetchOne(String(found[0]), { envelope: true, headers: ['sender'], source: true }, { uid: true });
          if (!message || !message.source) throw new Error('a found message vanished');
          const from = message.envelope?.from?.[0]?.address ?? '';
          const sender = /^Sender:\s*(.*)$/im.exec(message.headers?.toString() ?? '')?.[1]?.trim() ?? null;
          return { subject: message.envelope?.subject ?? '', from, sender, source: message.source };
        }
      } finally {
        lock.release();
      }
      if (Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.logout();
  }
}

/**
 * Dovecot's answer to an IMAP sign-in: `ok`, `refused` (AUTHENTICATIONFAILED), `unavailable` (a temporary failure of
 * the sign-in), or `closed`: the password was accepted but the session could not start (its userdb lookup failed).
 */
export async function imapSignIn(stack: MailStack, user: string, pass: string): Promise<'ok' | 'refused' | 'unavailable' | 'closed'> {
  const client = new ImapFlow({ host: '127.0.0.1', port: stack.imapPort, secure: false, tls, auth: { user, pass }, logger: false });
  try {
    await client.connect();
  } catch (e) {
    const code = (e as { serverResponseCode?: string }).serverResponseCode;
    if (code === 'AUTHENTICATIONFAILED') return 'refused';
    if (code === 'UNAVAILABLE') return 'unavailable';
    if ((e as { code?: string }).code?.startsWith('ClosedAfterConnect')) return 'closed';
    throw new Error(`unexpected IMAP answer ${code}: ${(e as Error).message}\n${await stack.logs()}`, { cause: e });
  }
  await client.logout();
  return 'ok';
}

/** True when Dovecot accepts the IMAP sign-in. */
export async function canSignIn(stack: MailStack, user: string, pass: string): Promise<boolean> {
  const client = new ImapFlow({ host: '127.0.0.1', port: stack.imapPort, secure: false, tls, auth: { user, pass }, logger: false });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { authenticationFailed?: boolean }).authenticationFailed) return false;
    throw e;
  }
  await client.logout();
  return true;
}

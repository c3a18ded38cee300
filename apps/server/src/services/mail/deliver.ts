import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

/** The configured sender, or `Mailyard <no-reply@…>` on the host of the public URL. */
export function senderAddress(config: Config): string {
  if (config.MAILYARD_MAIL_FROM) return config.MAILYARD_MAIL_FROM;
  const host = config.MAILYARD_PUBLIC_URL ? new URL(config.MAILYARD_PUBLIC_URL).hostname : 'localhost';
  return `Mailyard <no-reply@${host}>`;
}

/** A refusal by the relay that no retry changes (5xx: unknown recipient, policy). */
export const isPermanentSmtpError = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

/**
 * Hands one message to the relay at `smtpUrl`. The Message-ID is derived from the outbox id, so a message sent again
 * after a crash between "relay accepted" and "marked sent" can be recognised as the same one downstream.
 */
export async function deliverMail(
  config: Config & { SMTP_URL: string },
  message: { id: number; to: string; subject: string; body: string },
): Promise<void> {
  const from = senderAddress(config);
  const transport = nodemailer.createTransport(config.SMTP_URL);
  try {
    await transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      messageId: `<outbox-${message.id}@${from.replace(/^.*@/, '').replace(/>$/, '')}>`,
    });
  } finally {
    transport.close();
  }
}

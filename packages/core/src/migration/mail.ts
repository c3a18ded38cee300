/**
 * Mailbox content over IMAP: which source messages a target folder lacks, and which flags to bring up to date. The
 * target itself is the bookkeeping: a message is there when the target folder holds one with the same Message-ID
 * and size (or, without a Message-ID, the same internal date and size), counted as a multiset so a message the
 * source holds twice is copied twice, once. A run killed half-way leaves what it appended; the next one copies the
 * rest — no state file to lose, and no message twice.
 */
export interface MessageFacts {
  uid: number;
  messageId: string | null;
  size: number;
  /** IMAP's INTERNALDATE, whole seconds since the epoch (what APPEND keeps). */
  internalDate: number;
  flags: string[];
}

export interface FolderCopyPlan {
  /** Source messages to append, in source UID order. */
  toCopy: MessageFacts[];
  /** Target messages whose flags differ from their source twin: set them to `flags`. */
  flagUpdates: { uid: number; flags: string[] }[];
  /** Source messages the target already holds. */
  present: number;
}

/** Flags a client may set: `\Recent` belongs to the server's session. */
export function copyableFlags(flags: Iterable<string>): string[] {
  return [...new Set([...flags].filter((f) => f.toLowerCase() !== '\\recent'))].sort();
}

export function messageKey(m: Pick<MessageFacts, 'messageId' | 'size' | 'internalDate'>): string {
  const id = m.messageId?.trim().toLowerCase();
  return id ? `id:${id}:${m.size}` : `date:${m.internalDate}:${m.size}`;
}

const sameFlags = (a: string[], b: string[]) => a.length === b.length && a.every((f, i) => f.toLowerCase() === b[i]!.toLowerCase());

/** Pairs each source message with an unpaired target message of the same key; the unpaired source ones are copied. */
export function planFolderCopy(source: MessageFacts[], target: MessageFacts[]): FolderCopyPlan {
  const waiting = new Map<string, MessageFacts[]>();
  for (const t of [...target].sort((a, b) => a.uid - b.uid)) {
    const k = messageKey(t);
    waiting.set(k, [...(waiting.get(k) ?? []), t]);
  }
  const plan: FolderCopyPlan = { toCopy: [], flagUpdates: [], present: 0 };
  for (const s of [...source].sort((a, b) => a.uid - b.uid)) {
    const twin = waiting.get(messageKey(s))?.shift();
    if (!twin) {
      plan.toCopy.push(s);
      continue;
    }
    plan.present++;
    const flags = copyableFlags(s.flags);
    if (!sameFlags(flags, copyableFlags(twin.flags))) plan.flagUpdates.push({ uid: twin.uid, flags });
  }
  return plan;
}

/**
 * The target folder for a source folder: the same names, joined by the target's hierarchy delimiter (a name holding
 * that delimiter gets `_` instead, so it stays one level); the inbox is INBOX whatever the source calls it.
 */
export function targetFolderPath(sourcePath: string, sourceDelimiter: string | null, targetDelimiter: string | null): string {
  if (sourcePath.toUpperCase() === 'INBOX') return 'INBOX';
  const parts = sourceDelimiter ? sourcePath.split(sourceDelimiter) : [sourcePath];
  if (parts[0]!.toUpperCase() === 'INBOX') parts[0] = 'INBOX';
  if (!targetDelimiter) return parts.join('_');
  return parts.map((p) => p.split(targetDelimiter).join('_')).join(targetDelimiter);
}

/** One user's mailbox, planned or copied: counts the plan and the report print. */
export interface MailboxReport {
  user: string;
  folders: number;
  /** Messages in the source. */
  messages: number;
  /** Already in the target when the run looked. */
  present: number;
  /** To copy (plan) or copied (run). */
  copied: number;
  flagsUpdated: number;
  bytes: number;
  /** Why this mailbox is left out before anything is tried (no credentials, no mailbox in the target yet). */
  skipped: string | null;
  /** What stopped this mailbox (a refused sign-in, a full target mailbox …); the others go on. */
  error: string | null;
}

export const emptyMailboxReport = (user: string): MailboxReport => ({ user, folders: 0, messages: 0, present: 0, copied: 0, flagsUpdated: 0, bytes: 0, skipped: null, error: null });

const counted = (r: MailboxReport) => r.error === null && r.skipped === null;

/** Adds a folder's plan to the report; a run (`mode: 'run'`) counts copies as they happen instead of as planned. */
export function addFolderPlan(report: MailboxReport, plan: FolderCopyPlan, mode: 'plan' | 'run'): void {
  report.folders++;
  report.messages += plan.present + plan.toCopy.length;
  report.present += plan.present;
  report.flagsUpdated += plan.flagUpdates.length;
  if (mode === 'run') return;
  report.copied += plan.toCopy.length;
  report.bytes += plan.toCopy.reduce((n, m) => n + m.size, 0);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The mail part of the plan (`planned`) or of the outcome: totals, then each mailbox that has work or a problem. */
export function mailLines(reports: MailboxReport[], mode: 'plan' | 'run'): string[] {
  const ok = reports.filter(counted);
  const sum = (f: (r: MailboxReport) => number) => ok.reduce((n, r) => n + f(r), 0);
  const verb = mode === 'plan' ? 'to copy' : 'copied';
  const lines = [
    `Mail (IMAP): ${ok.length} mailboxes, ${sum((r) => r.folders)} folders, ${sum((r) => r.messages)} messages in the source; ` +
      `${sum((r) => r.present)} already in the target, ${sum((r) => r.copied)} ${verb} (${mib(sum((r) => r.bytes))}), ` +
      `${sum((r) => r.flagsUpdated)} with flags ${mode === 'plan' ? 'to update' : 'updated'}.`,
  ];
  const skipped = reports.filter((r) => r.skipped !== null);
  if (skipped.length > 0) lines.push(`  Left out (${skipped.length}):`, ...skipped.map((r) => `    ${r.user}: ${r.skipped}`));
  const failed = reports.filter((r) => r.error !== null);
  if (failed.length > 0) lines.push(`  Failed (${failed.length}; run again once fixed):`, ...failed.map((r) => `    ${r.user}: ${r.error}`));
  for (const r of ok.filter((x) => x.copied + x.flagsUpdated > 0)) {
    lines.push(`    ${r.user.padEnd(24)} ${String(r.folders).padStart(3)} folders ${String(r.messages).padStart(6)} messages ${String(r.copied).padStart(6)} ${verb} ${String(r.flagsUpdated).padStart(5)} flags`);
  }
  return lines;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The mail in a sentence, as the console shows it beside a plan (`plan`) or a run's report (`run`): the mailboxes read,
 * their messages, how many to copy or copied, and each mailbox left out or failed with the reason (the first three).
 */
export function mailSentence(reports: MailboxReport[], mode: 'plan' | 'run'): string {
  const ok = reports.filter(counted);
  const sum = (f: (r: MailboxReport) => number) => ok.reduce((n, r) => n + f(r), 0);
  const head = `Mail: ${count(ok.length, 'mailbox', 'mailboxes')}, ${count(sum((r) => r.messages), 'message', 'messages')} in WorkMail, ${sum((r) => r.copied).toLocaleString('en-US')} ${mode === 'plan' ? 'to copy' : 'copied'}.`;
  const off = reports.filter((r) => !counted(r));
  if (off.length === 0) return head;
  const why = off.slice(0, 3).map((r) => `${r.user}: ${r.skipped ?? r.error}`);
  return `${head} ${count(off.length, 'mailbox', 'mailboxes')} left out or failed (${why.join('; ')}${off.length > 3 ? '; …' : ''}).`;
}

/**
 * What the verification (a plan made after the run) found of the mail: messages still to copy in the mailboxes it
 * read, and the mailboxes it did not read — left out (no credentials, no mailbox in the target) or failed — of which
 * nothing can be said, so they are never counted as copied.
 */
export interface MailVerification {
  remaining: number;
  unverified: string[];
}

export function mailVerification(reports: MailboxReport[]): MailVerification {
  return { remaining: reports.filter(counted).reduce((n, r) => n + r.copied, 0), unverified: reports.filter((r) => !counted(r)).map((r) => r.user) };
}

/** The mail part of the verification: source messages against those the target holds, from a plan made after the run. */
export function mailVerificationLines(reports: MailboxReport[]): string[] {
  const ok = reports.filter(counted);
  const source = ok.reduce((n, r) => n + r.messages, 0);
  const target = ok.reduce((n, r) => n + r.present, 0);
  const { remaining, unverified } = mailVerification(reports);
  const complete =
    unverified.length === 0
      ? '  Every source message is in the target (same Message-ID and size).'
      : `  Every message of the ${ok.length} mailboxes verified is in the target (same Message-ID and size); ${unverified.length} not verified.`;
  return [
    `  ${'messages'.padEnd(22)} ${String(source).padStart(7)} → ${String(target).padStart(7)}${remaining === 0 ? '' : '   differs'}`,
    remaining === 0 ? complete : `  ${remaining} messages remain to copy (run again).`,
    ...reports.filter((r) => !counted(r)).map((r) => `  mailbox ${r.user} not verified: ${r.skipped ?? r.error}`),
  ];
}

const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

/** A calendar date, as in "Mailboxes will be deleted on June 5, 2026". */
export const formatDate = (date: Date | null | undefined) => (date ? day.format(date) : '-');

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Megabytes as the quota is entered: "51,200 MB". */
export const formatMb = (mb: number) => `${number.format(mb)} MB`;

/** A mailbox size for people: bytes, KB, MB or GB (powers of 1024, as the quota). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${number.format(value)} ${units[unit]}`;
}

/** "1 user" / "3 users". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "alice", "alice and bob", "alice, bob and 3 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

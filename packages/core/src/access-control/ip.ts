/**
 * IP addresses and CIDR ranges, IPv4 and IPv6, as plain bytes: core has no `node:net`, and the rules run in the
 * browser too (the console's evaluate panel). PostgreSQL's `inet` reads the same forms, which the mail servers'
 * SQL function relies on.
 */
export interface IpAddress {
  /** 4 bytes (IPv4) or 16 (IPv6). */
  bytes: number[];
}

export interface IpRange extends IpAddress {
  prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function parseGroups(s: string): number[] | null {
  if (s === '') return [];
  const groups = s.split(':');
  const bytes: number[] = [];
  for (const [i, g] of groups.entries()) {
    // A dotted IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
    if (i === groups.length - 1 && g.includes('.')) {
      const v4 = parseIpv4(g);
      if (!v4) return null;
      bytes.push(...v4);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      const n = parseInt(g, 16);
      bytes.push(n >> 8, n & 0xff);
    }
  }
  return bytes;
}

function parseIpv6(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  // A dotted IPv4 tail ends the address: never before `::`.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 16 ? head : null;
  // `::` stands for at least one group of zeros.
  const missing = 16 - head.length - tail.length;
  return missing >= 2 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

/** An IPv4 address (dotted quad, no leading zeros) or an IPv6 one, or null. */
export function parseIp(s: string): IpAddress | null {
  const bytes = s.includes(':') ? parseIpv6(s) : parseIpv4(s);
  return bytes ? { bytes } : null;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * A client's address as the rules see it: an IPv4 client reached through an IPv6 socket (`::ffff:192.0.2.1`, as Node
 * reports it on a dual-stack listener) is that IPv4 address, so IPv4 ranges match it.
 */
export function clientIp(s: string): IpAddress | null {
  const ip = parseIp(s);
  if (ip?.bytes.length === 16 && MAPPED_PREFIX.every((b, i) => ip.bytes[i] === b)) return { bytes: ip.bytes.slice(12) };
  return ip;
}

/** `address/prefix`, IPv4 (prefix 0–32) or IPv6 (0–128); host bits may be set (`10.1.2.3/8` is `10.0.0.0/8`). */
export function parseCidr(s: string): IpRange | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!ip || !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= ip.bytes.length * 8 ? { ...ip, prefix } : null;
}

/** Whether `ip` lies in `range`; an address of the other family never does. */
export function inRange(ip: IpAddress, range: IpRange): boolean {
  if (ip.bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const bits = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[bit / 8]! & mask) !== (range.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

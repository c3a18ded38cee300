import type { DnsRecord } from '@mailyard/core/mail-domains';
import type { DnsZoneData } from './dns.ts';

/** A fresh registrable test domain under example.com (the DNS server on loopback is authoritative for it). */
export const uniqueDomain = () => `d${Math.random().toString(36).slice(2, 10)}.example.com`;

/** The records GetMailDomain lists, as the test DNS server publishes them; `except` leaves some purposes out. */
export function zoneOf(records: DnsRecord[], except: DnsRecord['purpose'][] = []): DnsZoneData {
  const kept = records.filter((r) => !except.includes(r.purpose));
  return {
    txt: kept.filter((r) => r.type === 'TXT').map((r) => [r.hostname, r.value]),
    mx: kept.filter((r) => r.type === 'MX').map((r) => [r.hostname, r.value.split(' ')[1]!]),
    cname: kept.filter((r) => r.type === 'CNAME').map((r) => [r.hostname, r.value]),
  };
}

/** Two zones' records served together (several domains in one server). */
export const mergeZones = (...zones: DnsZoneData[]): DnsZoneData => ({
  txt: zones.flatMap((z) => z.txt ?? []),
  mx: zones.flatMap((z) => z.mx ?? []),
  cname: zones.flatMap((z) => z.cname ?? []),
});

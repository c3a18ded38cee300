import { Resolver } from 'node:dns/promises';
import type { DnsAnswer } from '@mailyard/core/mail-domains';

export type DnsType = 'TXT' | 'MX' | 'CNAME';

/** Answers for a domain check: what DNS holds at a name, in the form core's record checks judge. */
export type DnsLookup = (type: DnsType, name: string) => Promise<DnsAnswer>;

/** "No such record" as DNS says it; anything else (timeouts, refusals, SERVFAIL) means DNS could not be asked. */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/**
 * A resolver asking `servers` (`host[:port]`, MAILYARD_DNS_SERVERS) or the system's resolvers. Two tries of two
 * seconds: a domain check waits at most that long for an unreachable server before it reports so.
 */
export function dnsLookup(servers: readonly string[] | undefined): DnsLookup {
  const resolver = new Resolver({ timeout: 2000, tries: 2 });
  if (servers?.length) resolver.setServers([...servers]);
  return async (type, name) => {
    try {
      switch (type) {
        case 'TXT':
          return { ok: true, values: (await resolver.resolveTxt(name)).map((chunks) => chunks.join('')) };
        case 'MX':
          return { ok: true, values: (await resolver.resolveMx(name)).map((mx) => mx.exchange) };
        case 'CNAME':
          return { ok: true, values: await resolver.resolveCname(name) };
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'ERROR';
      return NO_RECORD.has(code) ? { ok: false, error: 'none', detail: code } : { ok: false, error: 'unreachable', detail: code };
    }
  };
}

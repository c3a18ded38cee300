import { Client, InvalidCredentialsError, NoSuchObjectError, ResultCodeError, type Entry } from 'ldapts';
import type { DirectoryEntry, LdapFailure } from '@mailyard/core/directories';

/** Where a directory is and how to speak TLS with it. */
export interface LdapTarget {
  url: string;
  startTls: boolean;
  caCertificate: string | null;
}

/** A directory that does not answer within this is reported unreachable, not waited for. */
export const LDAP_TIMEOUT_SECONDS = 10;

/** A failure of the directory itself (network, TLS, refused bind, missing base), classified for core's messages. */
export class LdapError extends Error {
  constructor(readonly failure: LdapFailure) {
    super(`LDAP ${failure.kind}`);
  }
}

const networkCodes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
};

/** `base` names the field whose DN a search used, for a "no such object" answer. */
export function classifyLdapError(error: unknown, base?: { field: 'userBaseDn' | 'groupBaseDn'; dn: string }): LdapFailure {
  if (error instanceof InvalidCredentialsError) return { kind: 'bind_refused' };
  if (error instanceof NoSuchObjectError && base) return { kind: 'base_not_found', ...base };
  if (error instanceof ResultCodeError) return { kind: 'other', detail: `${error.message} (result code ${error.code})` };
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // First: a TLS handshake cut short also reports ECONNRESET.
  if ((typeof code === 'string' && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) || /certificate|TLS|SSL/i.test(message)) {
    return { kind: 'tls', detail: message };
  }
  if (typeof code === 'string' && networkCodes[code]) return { kind: 'unreachable', detail: networkCodes[code] };
  if (/tim(ed|e)\s?out/i.test(message)) return { kind: 'timeout', seconds: LDAP_TIMEOUT_SECONDS };
  if (/closed|socket/i.test(message)) return { kind: 'unreachable', detail: message };
  return { kind: 'other', detail: message };
}

function clientFor(target: LdapTarget): { client: Client; tls: { ca?: string; minVersion: 'TLSv1.2' } } {
  const tls = { minVersion: 'TLSv1.2' as const, ...(target.caCertificate ? { ca: target.caCertificate } : {}) };
  const timeout = LDAP_TIMEOUT_SECONDS * 1000;
  // ldapts speaks TLS from the first byte whenever it is given TLS options: only for ldaps://.
  const tlsOptions = target.url.startsWith('ldaps://') ? { tlsOptions: tls } : {};
  return { client: new Client({ url: target.url, timeout, connectTimeout: timeout, strictDN: false, ...tlsOptions }), tls };
}

/**
 * Connects, upgrades with StartTLS when asked, binds, runs `work`, and always unbinds. Any failure of the directory
 * becomes an `LdapError` carrying what went wrong.
 */
export async function withLdap<T>(target: LdapTarget, bind: { dn: string; password: string }, work: (client: Client) => Promise<T>): Promise<T> {
  const { client, tls } = clientFor(target);
  try {
    if (target.startTls) await client.startTLS(tls);
    await client.bind(bind.dn, bind.password);
    return await work(client);
  } catch (error) {
    if (error instanceof LdapError) throw error;
    throw new LdapError(classifyLdapError(error));
  } finally {
    await client.unbind().catch(() => {});
  }
}

/**
 * Whether the directory accepts this password for this DN. An empty password would be an anonymous bind, which
 * directories accept for any DN (RFC 4513 §5.1.2): it is refused here, before the directory is asked.
 */
export async function ldapPasswordMatches(target: LdapTarget, dn: string, password: string): Promise<boolean> {
  if (password.length === 0) return false;
  try {
    await withLdap(target, { dn, password }, async () => undefined);
    return true;
  } catch (error) {
    if (error instanceof LdapError && error.failure.kind === 'bind_refused') return false;
    throw error;
  }
}

const BINARY_IDS = new Set(['objectguid']);

/** An entry with lower-case attribute names and text values; a binary id (Active Directory's objectGUID) as hex. */
function toDirectoryEntry(entry: Entry): DirectoryEntry {
  const attributes: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn') continue;
    const values = Array.isArray(value) ? value : [value];
    attributes[name.toLowerCase()] = values.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
  }
  return { dn: entry.dn, attributes };
}

/**
 * Every entry of `objectClass` under `base`, in pages of 500 (directories cap a single answer: Active Directory at
 * 1000), handed to `onPage` as they arrive so a large directory is never held twice.
 */
export async function searchEntries(
  client: Client,
  base: { field: 'userBaseDn' | 'groupBaseDn'; dn: string },
  objectClass: string,
  attributes: string[],
  onPage: (entries: DirectoryEntry[]) => void | Promise<void>,
): Promise<void> {
  const binary = attributes.filter((a) => BINARY_IDS.has(a.toLowerCase()));
  try {
    const pages = client.searchPaginated(base.dn, {
      scope: 'sub',
      filter: `(objectClass=${objectClass})`,
      attributes,
      explicitBufferAttributes: binary,
      paged: { pageSize: 500 },
    });
    for await (const page of pages) await onPage(page.searchEntries.map(toDirectoryEntry));
  } catch (error) {
    throw new LdapError(classifyLdapError(error, base));
  }
}

/** How many entries of `objectClass` are under `base` (Test connection), reading only their DNs. */
export async function countEntries(client: Client, base: { field: 'userBaseDn' | 'groupBaseDn'; dn: string }, objectClass: string): Promise<number> {
  let n = 0;
  await searchEntries(client, base, objectClass, ['1.1'], (entries) => {
    n += entries.length;
  });
  return n;
}

import { isIP } from 'node:net';
import { z } from 'zod';
import { ACCESS_KEY_ID_PATTERN } from '@mailyard/core/access-keys';
import { operatorPasswordSchema } from '@mailyard/core/passwords';
import { text } from '@mailyard/core/text';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const hostname = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** `host[:port]` as node:dns `setServers` takes it: an IPv4 address, or an IPv6 one (in brackets with a port). */
const dnsServer = (s: string) => {
  const [, v6, v4, port] = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d{1,5}))?$/.exec(s) ?? [];
  const ip = v6 ?? v4 ?? s;
  return (isIP(ip) !== 0 || isIP(s) === 6) && (port === undefined || Number(port) <= 65535);
};

const seconds = (min: number, max: number) =>
  z.coerce.number().int('must be a whole number of seconds').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** The environment contract of DESIGN.md §3. A bad value stops start-up with a message naming the variable. */
export const ConfigSchema = z.object({
  DATABASE_URL: text()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * Where migrations run, when DATABASE_URL goes through a pooler in transaction mode: they hold a session-level
   * advisory lock (replicas starting together) and use prepared statements, which need a connection of their own.
   */
  MAILYARD_MIGRATION_DATABASE_URL: text()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  MAILYARD_DATA_DIR: text().min(1).default('./.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: text().min(1).default('127.0.0.1'),
  MAILYARD_ADMIN_EMAIL: z.email('must be an email address').default('admin@mailyard.local'),
  MAILYARD_ADMIN_PASSWORD: operatorPasswordSchema.optional(),
  MAILYARD_ROOT_ACCESS_KEY_ID: text().regex(ACCESS_KEY_ID_PATTERN, 'must be 16–128 upper-case letters and digits').optional(),
  MAILYARD_ROOT_SECRET_ACCESS_KEY: text().min(20, 'must be at least 20 characters').max(128).optional(),
  MAILYARD_REGION: text().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must look like an AWS region, e.g. us-east-1').default('us-east-1'),
  MAILYARD_TEST_DOMAIN_SUFFIX: text()
    .regex(hostname, 'must be a lower-case domain name')
    .default('mailyard.test'),
  /** The host the MX record of every added domain points at (Mailyard's mail servers). */
  MAILYARD_MX_HOST: text().toLowerCase().regex(hostname, 'must be a host name such as mx.example.net').optional(),
  /** DNS servers that domain checks ask, `host[:port]` comma-separated; unset: the system's resolvers. */
  MAILYARD_DNS_SERVERS: text()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((servers) => servers.length > 0 && servers.every(dnsServer), 'must be IP addresses with optional ports, comma-separated (e.g. 127.0.0.1:5353,[::1]:53)')
    .optional(),
  /** How often a domain whose records are not all in place is checked again (a verified one: daily). */
  MAILYARD_DOMAIN_CHECK_SECONDS: z.coerce.number().int().min(10, 'must be at least 10').max(86_400, 'must be at most 86400 (a day)').default(300),
  /** How often each Standard setup organization is synchronised with its directory (which also checks its health). */
  MAILYARD_DIRECTORY_SYNC_SECONDS: z.coerce.number().int().min(60, 'must be at least 60').max(86_400, 'must be at most 86400 (a day)').default(3600),
  MAILYARD_SECRET_KEY: text()
    .regex(/^([0-9a-f]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64')
    .optional(),
  SMTP_URL: text().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** Sender of outgoing notices, `address` or `Name <address>`; defaults to Mailyard <no-reply@host of MAILYARD_PUBLIC_URL>. */
  MAILYARD_MAIL_FROM: text()
    .regex(/^([^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address or "Name <address>"')
    .optional(),
  /**
   * Bearer token the mail servers present to report mailbox usage. An installation-level credential (a mail server
   * serves every organization); unset, the mail-server API is off.
   */
  MAILYARD_MAIL_SERVER_TOKEN: text().regex(/^[\x21-\x7e]{32,256}$/, 'must be 32–256 printable ASCII characters (e.g. `openssl rand -hex 32`)').optional(),
  /** Set behind an HTTPS reverse proxy: honours X-Forwarded-* and marks cookies Secure. */
  MAILYARD_TRUST_PROXY: bool.default(false),
  /** Public base URL used in links sent by mail (reset links); defaults to http://HOST:PORT. */
  MAILYARD_PUBLIC_URL: z.url('must be a URL').optional(),
  /** `false` behind a pooler in transaction mode that cannot keep named prepared statements (see packages/db's connect). */
  MAILYARD_DB_PREPARED_STATEMENTS: bool.default(true),
  /**
   * How long a job claimed by a process that died waits before another process takes it over. A running job renews
   * its claim every third of this, so it does not limit how long a job may run.
   */
  MAILYARD_JOB_LEASE_SECONDS: seconds(1, 3600).default(30),
  /**
   * How long the device endpoint trusts a password it verified for a stored hash without running argon2 again (phones
   * send it on every sync); a changed password misses at once. 0: argon2 on every sync.
   */
  MAILYARD_DEVICE_CREDENTIAL_CACHE_SECONDS: seconds(0, 3600).default(300),
  /** HTTP limits (apps/server/src/platform/http-limits.ts and docs/operations.md say why each default). */
  MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: seconds(1, 300).default(10),
  MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS: seconds(1, 3600).default(60),
  MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS: seconds(1, 3600).default(120),
  MAILYARD_HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: seconds(1, 3600).default(72),
  MAILYARD_HTTP_BODY_LIMIT_MIB: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(10),
  MAILYARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.MAILYARD_ROOT_ACCESS_KEY_ID && !config.MAILYARD_ROOT_SECRET_ACCESS_KEY) {
    throw new ConfigError('Invalid configuration:\n  MAILYARD_ROOT_SECRET_ACCESS_KEY: required when MAILYARD_ROOT_ACCESS_KEY_ID is set');
  }
  if (config.MAILYARD_MIGRATION_DATABASE_URL && !config.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  MAILYARD_MIGRATION_DATABASE_URL: only with DATABASE_URL (the embedded database needs no pooler)');
  }
  if (config.DATABASE_URL && !config.MAILYARD_SECRET_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  MAILYARD_SECRET_KEY: required with DATABASE_URL (every replica must share it); generate one with `openssl rand -hex 32`',
    );
  }
  if (config.MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS > config.MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError(
      `Invalid configuration:\n  MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: must be at most MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS (${config.MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS}): the headers are part of the request`,
    );
  }
  return config;
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The environment contract: defaults, and a bad value refused with a message naming the variable. */
const KEY = 'a'.repeat(64);

describe('loadConfig', () => {
  it('has the documented defaults, and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', SMTP_URL: '' });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      MAILYARD_DATA_DIR: './.data',
      MAILYARD_REGION: 'us-east-1',
      MAILYARD_TRUST_PROXY: false,
      MAILYARD_DB_PREPARED_STATEMENTS: true,
      MAILYARD_JOB_LEASE_SECONDS: 30,
      MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: 10,
      MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS: 60,
      MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS: 120,
      MAILYARD_HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: 72,
      MAILYARD_HTTP_BODY_LIMIT_MIB: 10,
      MAILYARD_LOG_LEVEL: 'info',
    });
    expect(config.SMTP_URL).toBeUndefined();
  });

  it.each([
    ['MAILYARD_DB_PREPARED_STATEMENTS', 'false', false],
    ['MAILYARD_DB_PREPARED_STATEMENTS', '0', false],
    ['MAILYARD_TRUST_PROXY', '1', true],
    ['PORT', '8080', 8080],
    ['MAILYARD_JOB_LEASE_SECONDS', '3', 3],
    ['MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS', '30', 30],
    ['MAILYARD_HTTP_BODY_LIMIT_MIB', '25', 25],
  ] as const)('reads %s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value })[name]).toBe(expected);
  });

  it.each([
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['MAILYARD_MIGRATION_DATABASE_URL', 'db.internal:5432'],
    ['MAILYARD_DB_PREPARED_STATEMENTS', 'sometimes'],
    ['MAILYARD_SECRET_KEY', 'short'],
    ['SMTP_URL', 'http://relay'],
    ['MAILYARD_LOG_LEVEL', 'loud'],
    ['MAILYARD_JOB_LEASE_SECONDS', '0'],
    ['MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS', '0'],
    ['MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS', '1.5'],
    ['MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS', 'soon'],
    ['MAILYARD_HTTP_KEEP_ALIVE_TIMEOUT_SECONDS', '3601'],
    ['MAILYARD_HTTP_BODY_LIMIT_MIB', '0'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value, MAILYARD_SECRET_KEY: name === 'MAILYARD_SECRET_KEY' ? value : KEY })).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`  ${name}: `) }),
    );
  });

  it('takes MAILYARD_MIGRATION_DATABASE_URL only beside DATABASE_URL', () => {
    const direct = 'postgres://db:5432/mailyard';
    expect(loadConfig({ DATABASE_URL: 'postgres://pooler:6432/mailyard', MAILYARD_MIGRATION_DATABASE_URL: direct, MAILYARD_SECRET_KEY: KEY }).MAILYARD_MIGRATION_DATABASE_URL).toBe(direct);
    expect(() => loadConfig({ MAILYARD_MIGRATION_DATABASE_URL: direct })).toThrow(/MAILYARD_MIGRATION_DATABASE_URL: only with DATABASE_URL/);
  });

  it('needs MAILYARD_SECRET_KEY with DATABASE_URL, and the secret with a root access key id', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mailyard' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mailyard' })).toThrow(/MAILYARD_SECRET_KEY: required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/mailyard', MAILYARD_SECRET_KEY: KEY }).DATABASE_URL).toBe('postgres://db/mailyard');
    expect(() => loadConfig({ MAILYARD_ROOT_ACCESS_KEY_ID: 'AKIAEXAMPLE000001' })).toThrow(/MAILYARD_ROOT_SECRET_ACCESS_KEY: required/);
  });

  it('refuses a headers timeout longer than the request timeout that includes it', () => {
    expect(() => loadConfig({ MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: '30', MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS: '20' })).toThrow(
      /MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: must be at most MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS \(20\)/,
    );
    expect(loadConfig({ MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS: '20', MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS: '20' }).MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS).toBe(20);
  });
});

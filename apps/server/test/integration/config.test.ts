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
  ] as const)('reads %s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value })[name]).toBe(expected);
  });

  it.each([
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['MAILYARD_DB_PREPARED_STATEMENTS', 'sometimes'],
    ['MAILYARD_SECRET_KEY', 'short'],
    ['SMTP_URL', 'http://relay'],
    ['MAILYARD_LOG_LEVEL', 'loud'],
    ['MAILYARD_JOB_LEASE_SECONDS', '0'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value, MAILYARD_SECRET_KEY: name === 'MAILYARD_SECRET_KEY' ? value : KEY })).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`  ${name}: `) }),
    );
  });

  it('needs MAILYARD_SECRET_KEY with DATABASE_URL, and the secret with a root access key id', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mailyard' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mailyard' })).toThrow(/MAILYARD_SECRET_KEY: required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/mailyard', MAILYARD_SECRET_KEY: KEY }).DATABASE_URL).toBe('postgres://db/mailyard');
    expect(() => loadConfig({ MAILYARD_ROOT_ACCESS_KEY_ID: 'AKIAEXAMPLE000001' })).toThrow(/MAILYARD_ROOT_SECRET_ACCESS_KEY: required/);
  });
});

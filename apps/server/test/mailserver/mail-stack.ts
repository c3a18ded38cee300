import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestLoginRole } from '@mailyard/db/testing';
import { hash } from '@node-rs/argon2';
import type { Deps } from '../../src/deps.ts';
import { startTestServer } from '../support/server.ts';
import { freePort } from '../support/ports.ts';

/**
 * Debian's real Postfix, Dovecot and OpenDKIM, configured by the very files an installation uses: `deploy/render.sh`
 * renders deploy/{postfix,dovecot,opendkim,postgres} with loopback ports and paths in a temp dir, the grants file gives
 * a fresh login role read access to the mailserver views only, and both servers connect to the test database as that
 * role. OpenDKIM's key tables are what scripts/mail-server/opendkim-sync.sh fetches from Mailyard when the stack
 * starts.
 */
export interface MailStack {
  /** Postfix's public SMTP port (mail from the Internet). */
  smtpPort: number;
  /** Postfix's submission port (STARTTLS, then SASL through Dovecot). */
  submissionPort: number;
  imapPort: number;
  /** Dovecot's LMTP port (where Postfix delivers). */
  lmtpPort: number;
  /** The rendered configuration (postfix/, dovecot/, postgres/). */
  configDir: string;
  /** Where the maildirs are (`<organization id>/<user id>/Maildir`), to look at what is stored on disk. */
  mailRoot: string;
  /** The servers' self-signed certificate (for 127.0.0.1 and mx.mailyard.test), for a client's trusted CAs. */
  certificateFile: string;
  /** `postmap -q key pgsql:<rendered map>`: what Postfix's lookup table answers, `null` for not found. */
  lookup(map: 'domains' | 'mailboxes' | 'aliases' | 'sender-logins', key: string): Promise<string | null>;
  /** `postqueue -f`: Postfix tries every queued message again now (as it would at its next queue run). */
  flushQueue(): Promise<void>;
  /** Both logs, for a failure's message. */
  logs(): Promise<string>;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const RENDER = path.resolve(import.meta.dirname, '../../../../deploy/render.sh');
const DKIM_SYNC = path.resolve(import.meta.dirname, '../../../../scripts/mail-server/opendkim-sync.sh');
const MAIL_USER = 'mail'; // an account every Debian has; an installation creates `vmail`

/**
 * The Mailyard Dovecot's scripts ask (mailbox keys, directory users' sign-ins) and report usage to, and OpenDKIM's
 * keys come from: a running one and its mail-server token.
 */
export interface MailyardApi {
  url: string;
  token: string;
}

/** A Dovecot master user (see deploy/dovecot/dovecot.conf): signs in to any mailbox on its owner's behalf. */
export interface MasterUser {
  name: string;
  password: string;
}

/**
 * Starts the servers on `deps`' database. Without `given`, the stack starts a Mailyard of its own on `deps` (without a
 * job worker: the test drives its jobs), since no mailbox can be read without one: its key comes from Mailyard. A
 * port taken by another process between finding it free and a server binding it is tried again on fresh ports.
 */
export async function startMailStack(deps: Deps & { database: { url: string } }, given?: MailyardApi, options: { masterUsers?: MasterUser[] } = {}): Promise<MailStack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startMailStackOnce(deps, given, options);
    } catch (e) {
      // Free ports are found by binding and releasing them: another test file's server can take one in between.
      if (attempt >= PORT_ATTEMPTS || !/Address already in use/.test((e as Error).message)) throw e;
    }
  }
}

const PORT_ATTEMPTS = 3;

async function startMailStackOnce(deps: Deps & { database: { url: string } }, given: MailyardApi | undefined, options: { masterUsers?: MasterUser[] }): Promise<MailStack> {
  const databaseUrl = deps.database.url;
  const token = randomBytes(24).toString('hex');
  const own = given ? undefined : await startTestServer({ ...deps, config: { ...deps.config, MAILYARD_MAIL_SERVER_TOKEN: token } }, { worker: false });
  const mailyard = given ?? { url: own!.url, token };
  const { smtpPort, submissionPort, imapPort, lmtpPort, authPort, quotaStatusPort, dkimPort } = await freePorts([
    'smtpPort',
    'submissionPort',
    'imapPort',
    'lmtpPort',
    'authPort',
    'quotaStatusPort',
    'dkimPort',
  ]);
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-mail-'));
  await chmod(dir, 0o755);
  const configDir = path.join(dir, 'etc');
  const postfixQueue = path.join(dir, 'spool');
  const mailRoot = path.join(dir, 'vmail');
  const role = await createTestLoginRole(databaseUrl);
  const postfix = (...args: string[]) => run('postfix', ['-c', path.join(configDir, 'postfix'), ...args]);
  const dkimKeys = path.join(dir, 'opendkim-keys');
  let dovecot: ChildProcess | undefined;
  let opendkim: ChildProcess | undefined;
  const logs = async () =>
    [
      `--- dovecot.log\n${await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '')}`,
      `--- postfix.log\n${await readFile(path.join(dir, 'postfix.log'), 'utf8').catch(() => '')}`,
    ].join('\n');
  const stop = async () => {
    await postfix('stop').catch(() => {}); // not running (a failed start): nothing to stop
    for (const child of [dovecot, opendkim]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await waitForMasterExit(path.join(postfixQueue, 'pid', 'master.pid'));
    await role.drop();
    await own?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await tlsCertificate(dir);
    const db = new URL(databaseUrl);
    const { stdout: uid } = await run('id', ['-u', MAIL_USER]);
    await run('sh', [RENDER, configDir], {
      env: {
        PATH: process.env.PATH,
        MAIL_HOSTNAME: 'mx.mailyard.test',
        SMTP_INTERFACES: '127.0.0.1',
        IMAP_INTERFACES: '127.0.0.1',
        SMTP_LISTEN: `127.0.0.1:${smtpPort}`,
        SUBMISSION_LISTEN: `127.0.0.1:${submissionPort}`,
        IMAP_PORT: String(imapPort),
        IMAPS_PORT: '0', // no second listener in the test
        DOVECOT_LMTP_PORT: String(lmtpPort),
        DOVECOT_AUTH_PORT: String(authPort),
        DOVECOT_QUOTA_STATUS_PORT: String(quotaStatusPort),
        MAILYARD_URL: mailyard.url,
        MAILYARD_MAIL_SERVER_TOKEN: mailyard.token,
        POSTFIX_CONFIG_DIR: path.join(configDir, 'postfix'),
        POSTFIX_QUEUE_DIR: postfixQueue,
        POSTFIX_DATA_DIR: path.join(dir, 'postfix-data'),
        POSTFIX_LOG_DIR: dir,
        DOVECOT_CONFIG_DIR: path.join(configDir, 'dovecot'),
        DOVECOT_RUN_DIR: path.join(dir, 'dovecot-run'),
        DOVECOT_STATE_DIR: path.join(dir, 'dovecot-state'),
        DOVECOT_LOG_FILE: path.join(dir, 'dovecot.log'),
        DOVECOT_MASTER_USERS_FILE: path.join(dir, 'master-users'),
        OPENDKIM_PORT: String(dkimPort),
        OPENDKIM_PID_FILE: path.join(dir, 'opendkim.pid'),
        OPENDKIM_KEYS_DIR: dkimKeys,
        OPENDKIM_USER: (await run('id', ['-un'])).stdout.trim(), // the test's own user reads the synced keys
        // The temp dir sits under the world-writable /tmp, which OpenDKIM's safe-key check refuses.
        OPENDKIM_REQUIRE_SAFE_KEYS: 'no',
        MAIL_ROOT: mailRoot,
        MAIL_USER,
        MAIL_GROUP: MAIL_USER,
        MAIL_UID: uid.trim(),
        TLS_CERT: path.join(dir, 'tls.crt'),
        TLS_KEY: path.join(dir, 'tls.key'),
        DB_HOST: db.hostname,
        DB_PORT: db.port || '5432',
        DB_NAME: db.pathname.slice(1),
        DB_USER: role.name,
        DB_PASSWORD: role.password,
      },
    });
    await role.grant(await readFile(path.join(configDir, 'postgres', 'mail-server-grants.sql'), 'utf8'));
    // As docs/deployment.md installs it: Dovecot's auth process (user dovecot) runs directory-sign-in.sh, which reads it.
    await chown(path.join(configDir, 'dovecot', 'mailyard-api.env'), 0, Number((await run('id', ['-g', 'dovecot'])).stdout));
    const masters = await Promise.all((options.masterUsers ?? []).map(async (m) => `${m.name}:{ARGON2ID}${await hash(m.password)}\n`));
    await writeFile(path.join(dir, 'master-users'), masters.join(''), { mode: 0o644 });
    await mkdir(mailRoot);
    await chown(mailRoot, Number(uid), Number(uid));
    for (const d of ['spool', 'postfix-data', 'dovecot-state']) await mkdir(path.join(dir, d));
    // Postfix's master takes its lock in the data directory as the mail owner; `postfix start` fills the queue's.
    const { stdout: postfixUid } = await run('id', ['-u', 'postfix']);
    const { stdout: postfixGid } = await run('id', ['-g', 'postfix']);
    await chown(path.join(dir, 'postfix-data'), Number(postfixUid), Number(postfixGid));

    await run('sh', [DKIM_SYNC, dkimKeys], { env: { PATH: process.env.PATH, MAILYARD_URL: mailyard.url, MAILYARD_MAIL_SERVER_TOKEN: mailyard.token } });
    const signer = spawn('opendkim', ['-f', '-x', path.join(configDir, 'opendkim', 'opendkim.conf')], { stdio: 'inherit' });
    opendkim = signer;
    const started = spawn('dovecot', ['-F', '-c', path.join(configDir, 'dovecot', 'dovecot.conf')], { stdio: 'inherit' });
    dovecot = started;
    // `start` runs Postfix's own checks (creating the queue's subdirectories with their owners) and returns once
    // the master daemon is up.
    await postfix('start');
    for (const port of [imapPort, lmtpPort, authPort, quotaStatusPort, smtpPort, submissionPort]) await waitForPort(port, () => started.exitCode !== null);
    await waitForPort(dkimPort, () => signer.exitCode !== null);
  } catch (e) {
    const message = `mail servers did not start: ${(e as Error).message} ${(e as { stderr?: string }).stderr ?? ''}\n${await logs()}`;
    await stop();
    throw new Error(message, { cause: e });
  }
  return {
    smtpPort,
    submissionPort,
    imapPort,
    lmtpPort,
    configDir,
    mailRoot,
    certificateFile: path.join(dir, 'tls.crt'),
    async lookup(map, key) {
      try {
        const { stdout } = await run('postmap', ['-q', key, `pgsql:${path.join(configDir, 'postfix', `pgsql-${map}.cf`)}`]);
        return stdout.trim();
      } catch (e) {
        if ((e as { code?: number }).code === 1) return null; // not found
        throw e;
      }
    },
    async flushQueue() {
      await run('postqueue', ['-c', path.join(configDir, 'postfix'), '-f']);
    },
    logs,
    stop,
  };
}

async function tlsCertificate(dir: string) {
  // The names a client checks: loopback by address (a migration's IMAP copy verifies the certificate).
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=mx.mailyard.test', '-addext', 'subjectAltName=DNS:mx.mailyard.test,IP:127.0.0.1', '-keyout', path.join(dir, 'tls.key'), '-out', path.join(dir, 'tls.crt')]);
}

/** A free port for each server of the stack (see `freePort`). */
async function freePorts<K extends string>(names: K[]): Promise<Record<K, number>> {
  const ports = {} as Record<K, number>;
  for (const name of names) ports[name] = await freePort();
  return ports;
}

async function waitForPort(port: number, failed: () => boolean) {
  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (failed() || Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** `postfix stop` signals the master and returns; its children still hold the database role's connections. */
async function waitForMasterExit(pidFile: string) {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  const deadline = Date.now() + 10_000;
  while (pid > 0 && Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real Dovecot (Debian's dovecot-imapd + dovecot-pgsql), configured in a temp dir to authenticate IMAP
 * logins against Mailyard's `mailserver.v1_logins` view — the configuration an installation uses.
 */
export interface RunningDovecot {
  port: number;
  login(user: string, password: string): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startDovecot(databaseUrl: string, port: number): Promise<RunningDovecot> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-dovecot-'));
  await chmod(dir, 0o755);
  const url = new URL(databaseUrl);
  const connect = [
    `host=${url.hostname}`,
    `port=${url.port || 5432}`,
    `dbname=${url.pathname.slice(1)}`,
    `user=${decodeURIComponent(url.username)}`,
    url.password ? `password=${decodeURIComponent(url.password)}` : '',
  ].join(' ');
  await writeFile(
    path.join(dir, 'sql.conf.ext'),
    [
      'driver = pgsql',
      `connect = ${connect}`,
      'default_pass_scheme = ARGON2ID',
      "password_query = SELECT mailbox AS user, password FROM mailserver.v1_logins WHERE login = lower('%u') AND enabled",
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dir, 'mail'));
  await writeFile(
    path.join(dir, 'dovecot.conf'),
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'auth_failure_delay = 0',
      'default_internal_user = dovecot',
      'default_internal_group = dovecot',
      'default_login_user = dovenull',
      `mail_location = maildir:${dir}/mail/%d/%n`,
      'service imap-login {',
      '  inet_listener imap {',
      `    port = ${port}`,
      '  }',
      '}',
      'passdb {',
      '  driver = sql',
      `  args = ${dir}/sql.conf.ext`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=dovecot gid=dovecot home=${dir}/mail/%d/%n`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'inherit' });
  const deadline = Date.now() + 15_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
      throw new Error(`dovecot did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    login: (user, password) => imapLogin(port, user, password),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** An IMAP LOGIN over a plain socket: true for `a1 OK`, false for `a1 NO`. */
function imapLogin(port: number, user: string, password: string): Promise<boolean> {
  const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let buffer = '';
    let sent = false;
    socket.setTimeout(10_000, () => (socket.destroy(), reject(new Error('IMAP timeout'))));
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (!sent && buffer.includes('* OK')) {
        sent = true;
        socket.write(`a1 LOGIN ${quote(user)} ${quote(password)}\r\n`);
      }
      const answer = /^a1 (OK|NO|BAD)/m.exec(buffer);
      if (answer) {
        socket.end('a2 LOGOUT\r\n');
        resolve(answer[1] === 'OK');
      }
    });
    socket.on('error', reject);
  });
}

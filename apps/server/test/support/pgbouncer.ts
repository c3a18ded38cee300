import { spawn, type ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { freePort, tempDataDir, waitFor } from './product.ts';

/**
 * A real PgBouncer (Debian's `pgbouncer`) on a loopback port in front of one PostgreSQL database, in transaction
 * pooling mode, as an operator would put it before several Mailyard replicas. Its own config in a temp dir, no unix
 * socket, started as the `postgres` user when the tests run as root (PgBouncer refuses root).
 */
export interface PgBouncer {
  /** `databaseUrl` with the host and port of the pooler. */
  url: string;
  /** Everything it logged. */
  output(): string;
  stop(): Promise<void>;
}

export async function startPgBouncer(databaseUrl: string, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const target = new URL(databaseUrl);
  const dir = await tempDataDir('pgbouncer');
  const port = await freePort();
  const database = target.pathname.slice(1);
  const config = path.join(dir, 'pgbouncer.ini');
  await writeFile(
    config,
    [
      '[databases]',
      // PgBouncer logs in to PostgreSQL with the target URL's own credentials, whoever its client says it is.
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database} user=${decodeURIComponent(target.username) || 'postgres'}${target.password ? ` password=${decodeURIComponent(target.password)}` : ''}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'pool_mode = transaction',
      // Any client name and password is accepted (a loopback port of a test), and logs in as the database line's user.
      'auth_type = any',
      // Fewer server connections than clients (Mailyard's pool holds 10), so clients' transactions take turns on them.
      `default_pool_size = ${options.poolSize ?? 4}`,
      'max_client_conn = 200',
      'admin_users = postgres',
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn('pgbouncer', [...(asRoot ? ['-u', 'postgres'] : []), config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    'PgBouncer to listen',
    () => {
      if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${output}`);
      return new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true))).on('error', () => resolve(false));
      });
    },
    30_000,
  );
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

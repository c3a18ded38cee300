import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { freePort } from './ports.ts';

/**
 * A real OpenLDAP `slapd` (Debian's), with a throw-away slapd.conf and MDB data dir in a temp dir, listening on a free
 * loopback port, seeded with LDIF by `slapadd` before it starts. `stop()` and `start()` take it down and back on the
 * same port with its data, for the health tests; `close()` removes everything.
 */
export interface RunningSlapd {
  url: string;
  port: number;
  suffix: string;
  rootDn: string;
  rootPassword: string;
  /** A client bound as the root DN, for tests that change the directory. */
  admin<T>(work: (client: Client) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const SUFFIX = 'dc=example,dc=org';

/**
 * Active Directory's attributes and classes, as much of them as the AD preset reads (slapd has no AD schema), and an
 * auxiliary class giving groupOfNames an address.
 */
const adSchema = `
attributetype ( 1.3.6.1.4.1.55555.1.1 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.55555.1.2 NAME 'userPrincipalName' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.55555.1.3 NAME 'objectGUID' EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.55555.1.4 NAME 'memberOf' EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )
attributetype ( 1.3.6.1.4.1.55555.1.5 NAME 'department' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.55555.2.1 NAME 'user' SUP inetOrgPerson STRUCTURAL MAY ( sAMAccountName $ userPrincipalName $ objectGUID $ memberOf $ department ) )
objectclass ( 1.3.6.1.4.1.55555.2.2 NAME 'group' SUP top STRUCTURAL MUST cn MAY ( sAMAccountName $ objectGUID $ member $ mail $ memberOf $ description ) )
objectclass ( 1.3.6.1.4.1.55555.2.3 NAME 'mailGroup' SUP top AUXILIARY MAY mail )
`;

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}:\n${stderr}`))));
  });
}

export async function startSlapd(ldif: string, options: { port?: number } = {}): Promise<RunningSlapd> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-slapd-'));
  const rootDn = `cn=admin,${SUFFIX}`;
  const rootPassword = 'root-secret';
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'ad.schema'), adSchema);
  const conf = path.join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `include ${dir}/ad.schema`,
      `pidfile ${dir}/slapd.pid`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      // A first sync reads every user; the service account is not held to slapd's default of 500 entries.
      'sizelimit unlimited',
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "${rootDn}"`,
      `rootpw ${rootPassword}`,
      `directory ${dir}/data`,
      'maxsize 4294967296',
      'access to attrs=userPassword by self write by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'seed.ldif'), ldif);
  await run('slapadd', ['-q', '-f', conf, '-l', path.join(dir, 'seed.ldif')]);
  const port = options.port ?? (await freePort());
  const url = `ldap://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async () => {
    const started = spawn('slapd', ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr!.on('data', (d) => (stderr += d));
    child = started;
    const deadline = Date.now() + 15_000;
    while (!(await canConnect(port))) {
      if (started.exitCode !== null || Date.now() > deadline) throw new Error(`slapd did not start:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    port,
    suffix: SUFFIX,
    rootDn,
    rootPassword,
    async admin(work) {
      const client = new Client({ url });
      try {
        await client.bind(rootDn, rootPassword);
        return await work(client);
      } finally {
        await client.unbind();
      }
    },
    stop,
    start,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

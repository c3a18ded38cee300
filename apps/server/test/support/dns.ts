import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What the test DNS server answers: TXT values (long ones are split into 255-byte strings), MX hosts, CNAMEs. */
export interface DnsZoneData {
  txt?: [name: string, value: string][];
  mx?: [name: string, host: string][];
  cname?: [name: string, target: string][];
}

/**
 * A real DNS server on loopback: Debian's dnsmasq, authoritative (`local=/zone/`) for the zones the test names, so a
 * name without a record gets NXDOMAIN/NODATA rather than a refusal. dnsmasq re-reads TXT and MX lines only when it
 * starts, so `publish` rewrites the configuration and restarts it on the same port.
 */
export interface TestDnsServer {
  /** `127.0.0.1:port`, for MAILYARD_DNS_SERVERS. */
  address: string;
  /** A resolver asking this server, for verifiers under test (mailauth). */
  resolver: Resolver;
  publish(data: DnsZoneData): Promise<void>;
  stop(): Promise<void>;
}

const quoted = (value: string) => (value.match(/.{1,255}/g) ?? ['']).map((chunk) => `"${chunk}"`).join(',');

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export async function startDnsServer(zones: string[]): Promise<TestDnsServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-dns-'));
  const config = path.join(dir, 'dnsmasq.conf');
  let port = await freeUdpPort();
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  let child: ChildProcess | null = null;
  let generation = 0;

  const write = (data: DnsZoneData) =>
    writeFile(
      config,
      [
        'keep-in-foreground',
        'no-resolv',
        'no-hosts',
        'bind-interfaces',
        'listen-address=127.0.0.1',
        `port=${port}`,
        'user=root',
        'pid-file=',
        ...zones.map((z) => `local=/${z}/`),
        `txt-record=ready.mailyard-dns.test,"${generation}"`,
        'local=/mailyard-dns.test/',
        ...(data.txt ?? []).map(([name, value]) => `txt-record=${name},${quoted(value)}`),
        ...(data.mx ?? []).map(([name, host]) => `mx-host=${name},${host},10`),
        // dnsmasq answers a CNAME only for a target it knows.
        ...(data.cname ?? []).flatMap(([name, target]) => [`host-record=${target},127.0.0.2`, `cname=${name},${target}`]),
        '',
      ].join('\n'),
    );

  async function stopChild() {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async function start(data: DnsZoneData) {
    generation++;
    await write(data);
    let stderr = '';
    child = spawn('dnsmasq', [`--conf-file=${config}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    // Ready when it answers this generation's marker.
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`dnsmasq exited: ${stderr}`);
      const marker = await resolver.resolveTxt('ready.mailyard-dns.test').catch(() => null);
      if (marker?.[0]?.[0] === String(generation)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`dnsmasq did not answer: ${stderr}`);
  }

  // dnsmasq also listens on TCP, and a port free for UDP a moment ago may be taken (by a TCP connection or another
  // test's server) when it binds: take another port rather than fail the file (seen in CI on a loaded machine).
  for (let attempt = 1; ; attempt++) {
    try {
      await start({});
      break;
    } catch (error) {
      if (attempt === 10 || !String(error).includes('Address already in use')) throw error;
      port = await freeUdpPort();
      resolver.setServers([`127.0.0.1:${port}`]);
    }
  }
  return {
    address: `127.0.0.1:${port}`,
    resolver,
    async publish(data) {
      await stopChild();
      await start(data);
    },
    async stop() {
      await stopChild();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

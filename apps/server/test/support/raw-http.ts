import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * HTTP below the clients' politeness, for the fault tests of slow and vanishing clients: raw sockets that send or read
 * at the pace a test chooses, requests on connections of their own (so nothing pooled lingers), and the count of
 * connections the server holds, read from the kernel.
 */

const hexPort = (port: number) => `:${port.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Sockets of the server on `port` that it still holds: ESTABLISHED (01) or CLOSE_WAIT (08, the client went away but
 * the server has not closed its side); with `clientPort`, only the one of that client. A socket the server closed with
 * unsent data left (FIN_WAIT1) is the kernel's, no longer the server's, and not counted.
 */
export async function serverConnections(port: number, clientPort?: number): Promise<number> {
  let n = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const [, localAddress, remoteAddress, state] = line.trim().split(/\s+/);
      if (!localAddress?.endsWith(hexPort(port)) || (state !== '01' && state !== '08')) continue;
      if (clientPort === undefined || remoteAddress!.endsWith(hexPort(clientPort))) n++;
    }
  }
  return n;
}

export interface Answer {
  status: number;
  body: string;
}

/** One request on a connection of its own, closed after the answer (`Connection: close`, no agent). */
export function requestAlone(url: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface RawConnection {
  socket: Socket;
  /** Everything received so far. */
  received(): Buffer;
  /** The client goes away (a destroy: no goodbye, as a closed laptop). */
  drop(): void;
  /** Resolves when the socket has closed, saying whether the server closed it (the client had not dropped it). */
  closed: Promise<{ byServer: boolean }>;
}

/** A TCP connection to `url`'s host and port, recording what comes back. */
export function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let dropped = false;
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => socket.end()); // the server's FIN: close our side too
    const closed = new Promise<{ byServer: boolean }>((r) => socket.once('close', () => r({ byServer: !dropped })));
    socket.once('connect', () => {
      socket.on('error', () => {}); // a reset by the server shows as the close above
      resolve({
        socket,
        received: () => Buffer.concat(chunks),
        drop: () => {
          dropped = true;
          socket.destroy();
        },
        closed,
      });
    });
    socket.once('error', reject);
  });
}

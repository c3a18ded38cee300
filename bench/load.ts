import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

/** One endpoint under load: the request, and per connection what differs (each device its own user, say). */
export interface LoadCase {
  key: string;
  /** The process that serves it (its CPU time is read). */
  pid: number;
  label: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Headers and body of connection `i`, when connections must not share them. */
  perConnection?: (i: number) => { headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  requestsPerSecond: number;
  /** CPU time (user + system) the serving process spent per request: unlike req/s, hardly moved by other work. */
  cpuMsPerRequest: number;
  requests: number;
  p50: number;
  p97_5: number;
  p99: number;
  failed: number;
}

/** CPU time a process has used so far, in ms (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms). */
export async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * `connections` keep-alive connections, each sending its next request as soon as the last is answered, for `seconds`
 * (autocannon). Any answer but a 2xx, and any socket error or timeout, counts as failed.
 */
export async function load(c: LoadCase, connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  const cpuBefore = await cpuMs(c.pid);
  // autocannon writes Content-Length itself: a second one (the SDK's) makes the request malformed.
  const headers = Object.fromEntries(Object.entries(c.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length'));
  const result = await autocannon({
    url: c.url,
    method: c.method ?? 'GET',
    headers,
    body: c.body,
    connections,
    duration: seconds,
    timeout: 30,
    ...(c.perConnection
      ? {
          setupClient: (client: autocannon.Client) => {
            const own = c.perConnection!(next++);
            if (own.headers) client.setHeaders({ ...headers, ...own.headers });
            if (own.body) client.setBody(own.body);
          },
        }
      : {}),
  });
  const cpu = (await cpuMs(c.pid)) - cpuBefore;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    cpuMsPerRequest: cpu / Math.max(result.requests.total, 1),
    requests: result.requests.total,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * One endpoint served by several processes (replicas on one database), loaded at once with the connections split
 * between them, as a proxy in front of them would: requests and CPU summed, each percentile the worst of the parts.
 */
export async function loadSpread(cases: LoadCase[], connections: number, seconds: number): Promise<LoadResult> {
  const share = (i: number) => Math.floor(connections / cases.length) + (i < connections % cases.length ? 1 : 0);
  const parts = await Promise.all(cases.map((c, i) => load(c, share(i), seconds)));
  const requests = parts.reduce((sum, p) => sum + p.requests, 0);
  const cpu = parts.reduce((sum, p) => sum + p.cpuMsPerRequest * p.requests, 0);
  const worst = (pick: (p: LoadResult) => number) => Math.max(...parts.map(pick));
  return {
    requestsPerSecond: parts.reduce((sum, p) => sum + p.requestsPerSecond, 0),
    cpuMsPerRequest: cpu / Math.max(requests, 1),
    requests,
    p50: worst((p) => p.p50),
    p97_5: worst((p) => p.p97_5),
    p99: worst((p) => p.p99),
    failed: parts.reduce((sum, p) => sum + p.failed, 0),
  };
}

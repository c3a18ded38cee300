import http from 'node:http';
import type { MailyardClient } from '../packages/client/src/index.ts';

/** The queries the list benchmark calls, by their tRPC path, and the input each takes (the typed client's). */
export type ListQuery = 'users.list' | 'users.count' | 'organizations.list' | 'organizations.count';
export type ListQueryInput<Q extends ListQuery> = Q extends `${infer R extends 'users' | 'organizations'}.${infer P extends 'list' | 'count'}`
  ? Parameters<MailyardClient[R][P]['query']>[0]
  : never;

/**
 * tRPC queries over one keep-alive `node:http` connection, as a load tool would send them: `GET /trpc/<path>?input=…`
 * with the API token, the answer read whole and parsed as JSON. What the server's latency is, measured through HTTP
 * without the typed client's own costs (undici's `fetch`, tRPC's link, superjson decoding: 0.3–0.6 ms a call at p50
 * on this machine, which a browser or another language's client does not pay).
 */
export function wireClient(baseUrl: string, token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** The answer's body to `GET path` (a 200, else an error with the answer). */
  const get = (path: string): Promise<string> =>
    new Promise((resolve, reject) => {
      http
        .get(`${baseUrl}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${path}: ${response.statusCode} ${body}`))));
        })
        .on('error', reject);
    });
  // superjson's wire form of a plain input: the JSON under `json` (the inputs here hold no Date, Map or undefined).
  const query = <Q extends ListQuery>(path: Q, input: ListQueryInput<Q>): Promise<unknown> =>
    get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`).then((body) => JSON.parse(body) as unknown);
  return { get, query, close: () => agent.destroy() };
}
export type WireClient = ReturnType<typeof wireClient>;

/** The same query through the typed client (`client.users.list.query(input)` for `users.list`). */
export function typedQuery<Q extends ListQuery>(client: MailyardClient, path: Q, input: ListQueryInput<Q>): Promise<unknown> {
  const [router, procedure] = path.split('.') as [string, string];
  // The path names a query of the router (`ListQuery`) and the input is typed by it: one lookup by name, then the call.
  const routers = client as unknown as Record<string, Record<string, { query: (input: unknown) => Promise<unknown> }>>;
  return routers[router]![procedure]!.query(input);
}

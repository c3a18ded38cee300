/**
 * Raw tRPC over HTTP, as an attacker's script would send it (no client library): one call, or a batch of calls in
 * one request. Answers come back as the wire has them (superjson's `json` unwrapped).
 */
export interface WireAnswer {
  status: number;
  /** The domain code of an error (`AUTH.RATE_LIMITED`, …), tRPC's code name for others (`BAD_REQUEST`), or null. */
  error: string | null;
  message: string | null;
  data: unknown;
}

type Headers = Record<string, string>;

interface WireItem {
  result?: { data?: { json?: unknown } };
  error?: { json?: { message?: string; data?: { code?: string; domainCode?: string | null; httpStatus?: number } } };
}

const answerOf = (item: WireItem, status: number): WireAnswer => {
  const error = item.error?.json;
  return {
    status: error?.data?.httpStatus ?? status,
    error: error ? (error.data?.domainCode ?? error.data?.code ?? 'UNKNOWN') : null,
    message: error?.message ?? null,
    data: item.result?.data?.json ?? null,
  };
};

/** One mutation; `setCookie` is the response's Set-Cookie header, if any. */
export async function trpcCall(url: string, path: string, input: unknown, headers: Headers = {}): Promise<WireAnswer & { setCookie: string | null }> {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
  return { ...answerOf((await res.json()) as WireItem, res.status), setCookie: res.headers.get('set-cookie') };
}

/** Many mutations in one request (`/trpc/a,b,…?batch=1`), each with its input; one answer per call, in order. */
export async function trpcBatch(
  url: string,
  calls: { path: string; input: unknown }[],
  headers: Headers = {},
): Promise<{ answers: WireAnswer[]; setCookie: string | null }> {
  const body = Object.fromEntries(calls.map((c, i) => [String(i), { json: c.input }]));
  const res = await fetch(`${url}/trpc/${calls.map((c) => c.path).join(',')}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const items = (await res.json()) as WireItem[];
  return { answers: items.map((item) => answerOf(item, res.status)), setCookie: res.headers.get('set-cookie') };
}

/** How many answers carry each error code (`ok` for successes). */
export function tally(answers: { error: string | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.error ?? 'ok'] = (counts[a.error ?? 'ok'] ?? 0) + 1;
  return counts;
}

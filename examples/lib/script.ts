/**
 * What every example shares: the client from MAILYARD_URL and MAILYARD_TOKEN, a loop over every page of a
 * list, and a `run` that turns a failure into a readable message and a non-zero exit status.
 */
import { createMailyardClient, mailyardError, type MailyardClient } from '@mailyard/client';

/** Exit statuses: 1 = something failed, 2 = the command line or the environment is wrong. */
export class UsageError extends Error {}

export function connect(): MailyardClient {
  const url = process.env.MAILYARD_URL;
  const token = process.env.MAILYARD_TOKEN;
  if (!url) throw new UsageError('Set MAILYARD_URL to the server address, e.g. http://127.0.0.1:3000');
  if (!token) throw new UsageError('Set MAILYARD_TOKEN to an API token (console: API tokens → Create token).');
  // Accept the server's address or its tRPC endpoint.
  const endpoint = url.replace(/\/+$/, '').replace(/(\/trpc)?$/, '/trpc');
  return createMailyardClient({ url: endpoint, token });
}

/** Every item of a keyset-paginated list, fetching one page at a time; `onPage` reports progress. */
export async function* everyItem<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  onPage?: (page: number, itemsSoFar: number) => void,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  let page = 0;
  let seen = 0;
  do {
    const { items, nextCursor } = await fetchPage(cursor);
    page += 1;
    seen += items.length;
    onPage?.(page, seen);
    yield* items;
    cursor = nextCursor ?? undefined;
  } while (cursor);
}

/** A refusal in words: the domain code, the message, and each field the server named. */
export function describeError(error: unknown): string {
  const info = mailyardError(error);
  if (!info?.code) return causes(error);
  const fields = Object.entries(info.fieldErrors).map(([field, messages]) => `\n  ${field}: ${messages.join(' ')}`);
  return `${info.code}: ${info.message}${fields.join('')}`;
}

/** A transport failure in full: `fetch failed` says little without `connect ECONNREFUSED 127.0.0.1:3000`. */
function causes(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.length > 0 ? [...new Set(messages)].join(': ') : String(error);
}

/** Progress and summaries go to stderr, so stdout carries only the data a script produces. */
export const say = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `main`, and exits with its status, or 1 (2 for usage errors) with the reason when it throws. */
export function run(main: () => Promise<number>): void {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      say(error instanceof UsageError ? error.message : `Failed: ${describeError(error)}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}

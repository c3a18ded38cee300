import { createMailyardClient, type MailyardClientOptions, mailyardError, type MailyardErrorInfo } from '../../../../packages/client/src/index.ts';
import type { TestServer } from './server.ts';

// The client package is imported by path: a workspace dependency on it would be a cycle, since it
// depends on the server for its types.
export { createMailyardClient, isMailyardError, mailyardError } from '../../../../packages/client/src/index.ts';

/** The typed client scripts use, against a test server, with a bearer token. */
export const clientFor = (server: TestServer, token: string, options: Partial<MailyardClientOptions> = {}) =>
  createMailyardClient({ url: `${server.url}/trpc`, token, ...options });

/** Awaits a call that must fail over HTTP and returns what the client exposes of it. */
export async function refusedWith(call: Promise<unknown>): Promise<MailyardErrorInfo> {
  try {
    await call;
  } catch (error) {
    const info = mailyardError(error);
    if (!info) throw error;
    return info;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

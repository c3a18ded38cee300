import { WorkMailClient, ListUsersCommand } from '@aws-sdk/client-workmail';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A `ListUsers` request signed by the real AWS SDK (SigV4), taken before it is sent, for a load generator to replay
 * as is: a signature stays valid for the 15 minutes of the allowed clock skew, and nothing in it is single-use.
 */
export async function signedListUsers(
  serverUrl: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  input: { OrganizationId: string; MaxResults: number },
): Promise<SignedRequest> {
  let signed: SignedRequest | null = null;
  const client = new WorkMailClient({
    region,
    endpoint: `${serverUrl}/aws`,
    credentials,
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { method: string; path: string; headers: Record<string, string>; body: string | Uint8Array }) => {
        const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
        signed = { method: request.method, path: request.path, headers: { ...request.headers }, body };
        throw new Error('signed, not sent');
      },
    },
  });
  await client.send(new ListUsersCommand(input)).catch(() => {});
  if (!signed) throw new Error('the SDK signed no request');
  return signed;
}

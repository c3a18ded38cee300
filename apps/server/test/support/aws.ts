import { DescribeOrganizationCommand, CreateOrganizationCommand, WorkMailClient, WorkMailServiceException } from '@aws-sdk/client-workmail';
import { Agent } from 'node:http';
import type { Deps } from '../../src/deps.ts';
import { createAccessKey } from '../../src/services/access-keys/create.ts';
import { createOperator, type TestOperator } from './fixtures.ts';

export interface AwsTenant {
  op: TestOperator;
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * The real `@aws-sdk/client-workmail`, pointed at `<server>/aws`, with retries off so a 5xx shows at once, and a new
   * connection per request: without retries, reusing a keep-alive connection the server is closing at that moment
   * fails the test with ECONNRESET (seen in CI on a loaded machine), which an SDK with its default retries absorbs.
   */
  client: WorkMailClient;
}

export function workMailClient(deps: Deps, serverUrl: string, credentials: { accessKeyId: string; secretAccessKey: string }, region?: string) {
  return new WorkMailClient({
    region: region ?? deps.config.MAILYARD_REGION,
    endpoint: `${serverUrl}/aws`,
    credentials,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: false }) },
  });
}

/** A new account with an operator and an access key of its own. */
export async function awsTenant(deps: Deps, serverUrl: string): Promise<AwsTenant> {
  const op = await createOperator(deps);
  const key = await createAccessKey(deps, op.actor, { description: 'tests' });
  const credentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  return { op, ...credentials, client: workMailClient(deps, serverUrl, credentials) };
}

export const uniqueAlias = (prefix = 'aws') => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Creates an organization through /aws (on a directory with `directoryId`: Standard setup) and waits, while the
 * server's worker provisions it, until it is Active.
 */
export async function activeOrganization(
  client: WorkMailClient,
  alias = uniqueAlias(),
  directoryId?: string,
): Promise<{ organizationId: string; alias: string; domain: string }> {
  const { OrganizationId } = await client.send(new CreateOrganizationCommand({ Alias: alias, DirectoryId: directoryId }));
  const organizationId = OrganizationId!;
  for (let i = 0; i < 400; i++) {
    const org = await client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }));
    if (org.State === 'Active') return { organizationId, alias, domain: org.DefaultMailDomain! };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`organization ${organizationId} did not become Active`);
}

export interface AwsFailure {
  name: string;
  message: string;
  status: number | undefined;
  fault: string;
}

/** Awaits a call that must fail and returns the exception as the SDK surfaced it. */
export async function awsFailure(call: Promise<unknown>): Promise<AwsFailure> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof WorkMailServiceException)) throw e;
    return { name: e.name, message: e.message, status: e.$metadata.httpStatusCode, fault: e.$fault };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

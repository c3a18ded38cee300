import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createActiveOrganization, createEnabledUser } from '../support/users.ts';
import { startMailStack, type MailStack } from './mail-stack.ts';

/**
 * What a mail-server test file starts once: a test database with an operator and an Active organization, Postfix,
 * Dovecot and OpenDKIM on it, and — with `mailServerToken` — a running Mailyard that Dovecot reports usage to and
 * OpenDKIM's keys come from. `dnsServers` is Mailyard's resolver (domain verification); `beforeMailServers` runs once
 * the organization exists and before the servers start (a domain proven then has its key in OpenDKIM's tables).
 */
export interface MailOrganization {
  deps: TestDeps;
  op: TestOperator;
  stack: MailStack;
  organizationId: string;
  domain: string;
  caller(): ReturnType<typeof callerFor>;
  /** A new enabled user of the organization (password `PASSWORD`) and their primary address. */
  person(): Promise<{ userId: string; address: string }>;
  stop(): Promise<void>;
}

export interface MailOrganizationOptions {
  mailServerToken?: string;
  dnsServers?: string;
  beforeMailServers?: (org: Pick<MailOrganization, 'organizationId' | 'caller'>) => Promise<void>;
}

export async function startMailOrganization(options: MailOrganizationOptions = {}): Promise<MailOrganization> {
  const token = options.mailServerToken;
  const deps = await createTestDeps({
    ...(token ? { MAILYARD_MAIL_SERVER_TOKEN: token } : {}),
    ...(options.dnsServers ? { MAILYARD_DNS_SERVERS: options.dnsServers } : {}),
  });
  let server: TestServer | undefined;
  let stack: MailStack | undefined;
  const stop = async () => {
    await stack?.stop();
    await server?.close();
    await deps.database.drop();
  };
  try {
    server = token ? await startTestServer(deps) : undefined;
    const op = await createOperator(deps);
    const { organizationId, domain } = await createActiveOrganization(deps, op.actor);
    const caller = () => callerFor(deps, op.actor);
    await options.beforeMailServers?.({ organizationId, caller });
    stack = await startMailStack(deps.database.url, server && token ? { url: server.url, token } : undefined);
    const person = async () => {
      const { userId, name } = await createEnabledUser(deps, op.actor, organizationId);
      return { userId, address: `${name}@${domain}` };
    };
    return { deps, op, stack, organizationId, domain, caller, person, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

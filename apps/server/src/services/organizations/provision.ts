import { randomBytes } from 'node:crypto';
import { isDomainError } from '@mailyard/core/errors';
import { testDomainFor } from '@mailyard/core/organizations';
import { inTransaction, type Transaction } from '@mailyard/db';
import { findMailDomain, findVerifiedDomainOwner, insertMailDomain } from '@mailyard/db/queries/mail-domains';
import { findWrappedDataKey, insertDirectory, lockOrganization, updateOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { PermanentJobError } from '../../platform/permanent-error.ts';
import { systemActor } from '../actor.ts';
import { newDkimKeyPair } from '../mail-domains/dkim-key.ts';
import { ensureMailboxKey } from '../mailboxes/encryption-key.ts';
import { applyDirectorySync } from '../directories/apply-sync.ts';
import { readDirectoryForSetup } from '../directories/first-sync.ts';
import { addMailDomain } from '../mail-domains/register.ts';
import { ensureSystemUsers } from '../users/system-users.ts';
import type { ProvisionRequest } from './schedule-provisioning.ts';
import { transition, type LockedOrganization } from './transition.ts';

/**
 * One step of the Quick-setup workflow. Each runs in its own transaction with the organization row locked
 * and is idempotent, so a workflow interrupted anywhere (crash, restart) resumes by running every step again.
 */
export type ProvisionStep = (deps: Deps, tx: Transaction, org: LockedOrganization, request: ProvisionRequest) => Promise<void>;

export const startCreating: ProvisionStep = async (deps, tx, org) => {
  if (org.state === 'Requested') await transition(tx, org, 'start', deps.clock());
};

/**
 * The organization's directory. Quick setup's is built in: users and groups live in Mailyard itself, no nested groups.
 * Standard setup's is the registered directory CreateOrganization named, whose groups may contain groups.
 */
export const createBuiltInDirectory: ProvisionStep = async (deps, tx, org) => {
  if (org.directoryType === 'ExternalDirectory' && org.directoryId) {
    await insertDirectory(tx, { organizationId: org.id, id: org.directoryId, type: 'ExternalDirectory', nestedGroups: true, createdAt: deps.clock() });
    return;
  }
  if (org.directoryId) return;
  const directoryId = `d-${randomBytes(5).toString('hex')}`;
  await insertDirectory(tx, { organizationId: org.id, id: directoryId, type: 'WorkMailDirectory', nestedGroups: false, createdAt: deps.clock() });
  await updateOrganization(tx, org.id, { directoryId });
  org.directoryId = directoryId;
};

export const createTestDomain: ProvisionStep = async (deps, tx, org) => {
  const domain = testDomainFor(org.alias, deps.config.MAILYARD_TEST_DOMAIN_SUFFIX);
  const owner = await findVerifiedDomainOwner(tx, domain);
  if (owner && owner !== org.id) throw new PermanentJobError(`The test domain ${domain} is already used by another organization.`);
  await insertMailDomain(tx, {
    organizationId: org.id,
    domain,
    isTestDomain: true,
    isDefault: true,
    // Mailyard serves the test domain itself: nothing to publish, nothing to check.
    ownershipStatus: 'VERIFIED',
    dkimStatus: 'VERIFIED',
    ownershipToken: null,
    verifiedAt: deps.clock(),
    nextCheckAt: null,
    clientToken: null,
    createdAt: deps.clock(),
  });
  if (org.defaultMailDomain !== domain) await updateOrganization(tx, org.id, { defaultMailDomain: domain });
};

/** The organization's own data key, wrapped by the installation's managed master key. */
export const createDataKey: ProvisionStep = async (deps, tx, org) => {
  if (await findWrappedDataKey(tx, org.id)) return;
  await updateOrganization(tx, org.id, { wrappedDataKey: deps.masterKey.seal(randomBytes(32)) });
};

/** The key Dovecot encrypts the organization's mail with ("encrypted with the Mailyard managed key"). */
export const createMailboxKey: ProvisionStep = async (deps, tx, org) => {
  await ensureMailboxKey(deps, tx, org.id, (await findWrappedDataKey(tx, org.id))!);
};

/**
 * The organization's own domains asked for at creation, each added as RegisterMailDomain adds it (pending
 * verification, with its DKIM key; the checking job looks at DNS soon). A domain proven meanwhile by another
 * organization fails the creation with the reason, as a taken test domain does.
 */
export const addRequestedDomains: ProvisionStep = async (deps, tx, org, request) => {
  for (const domain of request.domains) {
    if (await findMailDomain(tx, org.id, domain)) continue;
    try {
      await addMailDomain(deps, tx, systemActor, org, domain, await newDkimKeyPair(), { field: 'domains' });
    } catch (error) {
      throw isDomainError(error) ? new PermanentJobError(error.message) : error;
    }
  }
};

/** postmaster and any other system user, with its mailbox and address on the default domain. */
export const createSystemUsers: ProvisionStep = async (deps, tx, org) => ensureSystemUsers(tx, org, deps.clock());

export const finishCreating: ProvisionStep = async (deps, tx, org) => {
  if (org.state === 'Creating') {
    const now = deps.clock();
    await transition(tx, org, 'provisioned', now, { completedAt: now, errorMessage: null });
  }
};

/** Later capabilities add their steps before `finishCreating`. */
export const provisionSteps: ProvisionStep[] = [
  startCreating,
  createBuiltInDirectory,
  createTestDomain,
  createDataKey,
  createMailboxKey,
  addRequestedDomains,
  createSystemUsers,
  finishCreating,
];

export async function runProvisionStep(deps: Deps, request: ProvisionRequest, step: ProvisionStep): Promise<void> {
  const { organizationId } = request;
  await inTransaction(deps.db, async (tx) => {
    const org = await lockOrganization(tx, organizationId);
    if (!org) throw new PermanentJobError(`Organization ${organizationId} no longer exists.`);
    if (org.state !== 'Requested' && org.state !== 'Creating') return; // finished, failed or deleted meanwhile
    await step(deps, tx, org, request);
  });
}

/**
 * Standard setup: the directory is validated and read outside any transaction (it may take seconds to answer), then
 * what it holds is written with the organization's row locked. Nothing to do for Quick setup.
 */
async function synchroniseDirectory(deps: Deps, request: ProvisionRequest): Promise<void> {
  const read = await readDirectoryForSetup(deps, request.organizationId);
  if (!read) return;
  await runProvisionStep(deps, request, async (deps, tx, org) => {
    await applyDirectorySync(deps, tx, systemActor, org, read.directory, read.snapshot, { confirmMassRemoval: true, startedAt: read.startedAt });
  });
}

/** The `organization.provision` job: every step in order, `Requested` → `Creating` → `Active`. */
export async function provisionOrganization(deps: Deps, request: ProvisionRequest): Promise<void> {
  for (const step of provisionSteps) {
    if (step === finishCreating) await synchroniseDirectory(deps, request);
    await runProvisionStep(deps, request, step);
  }
}

/** The workflow's last attempt failed: the organization ends `Failed`, with the reason shown to the operator. */
export async function failProvisioning(deps: Deps, organizationId: string, errorMessage: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const org = await lockOrganization(tx, organizationId);
    if (!org || (org.state !== 'Requested' && org.state !== 'Creating')) return;
    await transition(tx, org, 'fail', deps.clock(), { errorMessage });
  });
}

import { MAX_DOMAINS_PER_ORGANIZATION } from '@mailyard/core/mail-domains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMailDomains, insertMailDomain } from '@mailyard/db/queries/mail-domains';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { uniqueDomain } from '../support/domains.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization } from '../support/users.ts';

/** The per-organization domain limit holds under requests racing to pass it. */
let deps: TestDeps;
let op: TestOperator;
let organizationId: string;

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  ({ organizationId } = await createActiveOrganization(deps, op.actor));
  // Fill the organization up to two below the limit (the test domain counts as one of them).
  const filler = MAX_DOMAINS_PER_ORGANIZATION - 3;
  for (let n = 1; n <= filler; n += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, filler - n + 1) }, (_, i) =>
        insertMailDomain(deps.db, {
          organizationId,
          domain: `filler-${n + i}.example.org`,
          isTestDomain: false,
          isDefault: false,
          ownershipStatus: 'PENDING',
          dkimStatus: 'PENDING',
          ownershipToken: `token-${n + i}`,
          verifiedAt: null,
          nextCheckAt: null,
          clientToken: null,
          createdAt: new Date(),
        }),
      ),
    );
  }
});
afterAll(() => deps.database.drop());

describe('the domain limit', () => {
  it(`lets racing requests add only as many domains as reach ${MAX_DOMAINS_PER_ORGANIZATION}, refusing the rest by name`, async () => {
    const caller = callerFor(deps, op.actor);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => caller.domains.register({ organizationId, domainName: uniqueDomain() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.reason).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', message: `An organization can have at most ${MAX_DOMAINS_PER_ORGANIZATION} domains.` });
    }
    expect(await countMailDomains(deps.db, organizationId)).toBe(MAX_DOMAINS_PER_ORGANIZATION);
    const again = await failure(caller.domains.register({ organizationId, domainName: uniqueDomain() }));
    expect(again.domainCode).toBe('DOMAIN.LIMIT_REACHED');
  });
});

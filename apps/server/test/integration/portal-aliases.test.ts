import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAddress } from '@mailyard/db/queries/addresses';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { allowSelfServiceAliases, createPortalUser, signedIn, type PortalBrowser, type PortalUser } from '../support/portal.ts';
import { addDomain, createActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: { organizationId: string; domain: string };
let extra: string;
let user: PortalUser;
let browser: PortalBrowser;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  extra = await addDomain(deps, org.organizationId);
  user = await createPortalUser(deps, op.actor, org);
  browser = await signedIn(deps, user);
});
afterAll(() => deps.database.drop());

describe('the alias policy (operators)', () => {
  it('is off by default', async () => {
    const { policy, domains } = await callerFor(deps, op.actor).portalAdmin.getAliasPolicy({ organizationId: org.organizationId });
    expect(policy).toEqual({ allowed: false, domains: [], maxPerUser: 5, localPartPattern: null });
    expect(domains.map((d) => d.domain).sort()).toEqual([org.domain, extra].sort());
    const mine = await browser.portal.aliases.list();
    expect(mine).toMatchObject({ primary: user.email, aliases: [], policy: { allowed: false, remaining: 0 } });
    const refused = await failure(browser.portal.aliases.add({ localPart: 'me', domain: org.domain }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', domainCode: 'ADDRESS.SELF_SERVICE_DISABLED', message: 'Your organization does not let users add their own aliases.' });
  });

  it('names the field of each bad setting', async () => {
    const caller = callerFor(deps, op.actor);
    const bad = await failure(
      caller.portalAdmin.setAliasPolicy({ organizationId: org.organizationId, policy: { allowed: true, domains: ['not a domain'], maxPerUser: 101, localPartPattern: '([a-z' } }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['policy.domains.0', 'policy.localPartPattern', 'policy.maxPerUser']);
    const foreign = await failure(caller.portalAdmin.setAliasPolicy({ organizationId: org.organizationId, policy: { allowed: true, domains: [extra, 'example.org'], maxPerUser: 2, localPartPattern: null } }));
    expect(foreign).toMatchObject({ domainCode: 'DOMAIN.NOT_FOUND', fieldErrors: { 'policy.domains.1': ['The domain example.org is not a domain of this organization.'] } });
  });

  it('belongs to the organization’s account only', async () => {
    const stranger = await createOperator(deps);
    expect((await failure(callerFor(deps, stranger.actor).portalAdmin.getAliasPolicy({ organizationId: org.organizationId }))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    const set = callerFor(deps, stranger.actor).portalAdmin.setAliasPolicy({ organizationId: org.organizationId, policy: { allowed: true, domains: [], maxPerUser: 5, localPartPattern: null } });
    expect((await failure(set)).domainCode).toBe('ORGANIZATION.NOT_FOUND');
  });

  it('is set with an audit event', async () => {
    await allowSelfServiceAliases(deps, op.actor, org.organizationId, { domains: [extra], maxPerUser: 2, localPartPattern: '[a-z]+(\\.[a-z]+)?' });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: org.organizationId, actionPrefix: 'organization.alias_policy', after: null, limit: 1 });
    expect(event).toMatchObject({ before: { allowed: false }, after: { allowed: true, domains: [extra], maxPerUser: 2 } });
  });
});

describe('a user’s own aliases', () => {
  it('shows the policy as the user may use it', async () => {
    expect((await browser.portal.aliases.list()).policy).toEqual({ allowed: true, domains: [extra], maxPerUser: 2, localPartPattern: '[a-z]+(\\.[a-z]+)?', remaining: 2 });
  });

  it('refuses a domain outside the policy, naming the allowed ones', async () => {
    const error = await failure(browser.portal.aliases.add({ localPart: 'me', domain: org.domain }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', domainCode: 'ADDRESS.DOMAIN_NOT_ALLOWED', message: `Aliases may use only these domains: ${extra}.` });
    const foreign = await failure(browser.portal.aliases.add({ localPart: 'me', domain: 'gmail.com' }));
    expect(foreign.domainCode).toBe('ADDRESS.DOMAIN_NOT_ALLOWED');
  });

  it('refuses a local part outside the pattern, naming it', async () => {
    const error = await failure(browser.portal.aliases.add({ localPart: 'me2', domain: extra }));
    expect(error).toMatchObject({ domainCode: 'ADDRESS.PATTERN_MISMATCH', fieldErrors: { localPart: ['The part before the @ must match the pattern set by your organization: [a-z]+(\\.[a-z]+)?'] } });
    expect((await failure(browser.portal.aliases.add({ localPart: 'a..b', domain: extra }))).code).toBe('BAD_REQUEST');
  });

  it('adds an alias: the same address the console sees, and one to sign in with', async () => {
    expect(await browser.portal.aliases.add({ localPart: 'Jane.Doe', domain: extra.toUpperCase() })).toEqual({ address: `jane.doe@${extra}` });
    expect(await findAddress(deps.db, `jane.doe@${extra}`)).toMatchObject({ entityId: user.userId, isPrimary: false, origin: 'self_service' });
    const consoleView = await callerFor(deps, op.actor).users.listAddresses({ organizationId: org.organizationId, userId: user.userId });
    expect(JSON.stringify(consoleView)).toContain(`jane.doe@${extra}`);
    await signedIn(deps, { email: `jane.doe@${extra}`, password: user.password });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.alias_add', after: null, limit: 1 });
    expect(event).toMatchObject({ actorType: 'user', after: { alias: `jane.doe@${extra}` } });
  });

  it('refuses an address someone else holds', async () => {
    const other = await createPortalUser(deps, op.actor, org);
    await callerFor(deps, op.actor).users.addAlias({ organizationId: org.organizationId, entityId: other.userId, localPart: 'taken', domain: extra });
    const error = await failure(browser.portal.aliases.add({ localPart: 'taken', domain: extra }));
    expect(error).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { localPart: [`The email address taken@${extra} is already in use.`] } });
  });

  it('counts every alias against the per-user limit and says which limit', async () => {
    await callerFor(deps, op.actor).users.addAlias({ organizationId: org.organizationId, entityId: user.userId, localPart: 'from-operator', domain: org.domain });
    const error = await failure(browser.portal.aliases.add({ localPart: 'third', domain: extra }));
    expect(error).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', domainCode: 'ADDRESS.LIMIT_REACHED', message: 'You can have at most 2 aliases.' });
    const list = await browser.portal.aliases.list();
    expect(list.aliases.map((a) => [a.address, a.origin])).toEqual([
      [`from-operator@${org.domain}`, 'operator'],
      [`jane.doe@${extra}`, 'self_service'],
    ]);
    expect(list.policy.remaining).toBe(0);
  });

  it('two racing adds cannot both pass the limit', async () => {
    const racer = await createPortalUser(deps, op.actor, org);
    const racing = await signedIn(deps, racer);
    await allowSelfServiceAliases(deps, op.actor, org.organizationId, { maxPerUser: 1 });
    const results = await Promise.allSettled([racing.portal.aliases.add({ localPart: 'one', domain: extra }), racing.portal.aliases.add({ localPart: 'two', domain: extra })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await racing.portal.aliases.list()).aliases).toHaveLength(1);
    await allowSelfServiceAliases(deps, op.actor, org.organizationId, { domains: [extra], maxPerUser: 2, localPartPattern: '[a-z]+(\\.[a-z]+)?' });
  });

  it('removes the user’s own aliases, never the primary, never someone else’s', async () => {
    const primary = await failure(browser.portal.aliases.remove({ address: user.email }));
    expect(primary).toMatchObject({ domainCode: 'ADDRESS.IS_PRIMARY', message: `${user.email} is your primary address: it cannot be removed.` });
    const someoneElse = await failure(browser.portal.aliases.remove({ address: `taken@${extra}` }));
    expect(someoneElse).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ADDRESS.NOT_FOUND', message: 'This address is not one of your aliases.' });
    expect(await findAddress(deps.db, `taken@${extra}`)).not.toBeNull();

    await browser.portal.aliases.remove({ address: `JANE.DOE@${extra}` });
    expect(await findAddress(deps.db, `jane.doe@${extra}`)).toBeNull();
    expect((await browser.portal.aliases.list()).policy.remaining).toBe(1);
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: user.userId, actionPrefix: 'user.alias_remove', after: null, limit: 1 });
    expect(event).toMatchObject({ actorType: 'user', before: { alias: `jane.doe@${extra}` } });
  });

  it('removal too is closed when the organization turns self-service off', async () => {
    await callerFor(deps, op.actor).portalAdmin.setAliasPolicy({ organizationId: org.organizationId, policy: { allowed: false, domains: [], maxPerUser: 5, localPartPattern: null } });
    expect((await failure(browser.portal.aliases.remove({ address: `from-operator@${org.domain}` }))).domainCode).toBe('ADDRESS.SELF_SERVICE_DISABLED');
  });
});

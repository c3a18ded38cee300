import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { callerFor, cookiesSetBy } from '../support/caller.ts';
import { failure } from '../support/errors.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { OPERATOR_COOKIE } from '../../src/trpc/context.ts';
import { resolveOperatorSession } from '../../src/services/auth/operator-session.ts';

let deps: TestDeps;
let op: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
});
afterAll(() => deps.database.drop());

describe('operator sign-in', () => {
  it('opens a server-side session for the right password and sets an HttpOnly SameSite=Strict cookie', async () => {
    const caller = callerFor(deps, null);
    const result = await caller.auth.signIn({ email: op.email.toUpperCase(), password: op.password });
    expect(result.operator.email).toBe(op.email);
    const cookie = cookiesSetBy(caller)[OPERATOR_COOKIE]!;
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/' });
    const actor = await resolveOperatorSession(deps, cookie.value);
    expect(actor?.operatorId).toBe(op.actor.operatorId);
  });

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const caller = callerFor(deps, null, { ip: '10.0.0.2' });
    const wrong = await failure(caller.auth.signIn({ email: op.email, password: 'nope-nope' }));
    const unknown = await failure(caller.auth.signIn({ email: 'nobody@example.com', password: 'nope-nope' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(unknown.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toBe(unknown.message);
  });

  it('names the field of a malformed input', async () => {
    const error = await failure(callerFor(deps, null).auth.signIn({ email: 'not-an-email', password: '' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/email: Enter a valid email address/);
    expect(error.message).toMatch(/password: Password is required/);
  });

  it('rate-limits failures per address, even with the right password afterwards', async () => {
    const target = await createOperator(deps);
    const caller = callerFor(deps, null, { ip: '10.0.0.3' });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await expect(caller.auth.signIn({ email: target.email, password: 'wrong-password' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const limited = await failure(caller.auth.signIn({ email: target.email, password: target.password }));
    expect(limited.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.message).toMatch(/Too many attempts/);
    // The window passes: the right password works again.
    deps.clock.advance(SIGN_IN_LIMITS.windowMinutes * 60_000);
    await expect(caller.auth.signIn({ email: target.email, password: target.password })).resolves.toBeTruthy();
  });

  it('rate-limits one client address trying many accounts', async () => {
    const caller = callerFor(deps, null, { ip: '10.0.0.4' });
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await caller.auth.signIn({ email: `guess${i}@example.com`, password: 'wrong-password' }).catch(() => {});
    }
    await expect(caller.auth.signIn({ email: op.email, password: op.password })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another client is not affected.
    await expect(callerFor(deps, null, { ip: '10.0.0.5' }).auth.signIn({ email: op.email, password: op.password })).resolves.toBeTruthy();
  });

  it('ends the session on sign-out', async () => {
    const caller = callerFor(deps, null, { ip: '10.0.0.6' });
    await caller.auth.signIn({ email: op.email, password: op.password });
    const token = cookiesSetBy(caller)[OPERATOR_COOKIE]!.value;
    const actor = (await resolveOperatorSession(deps, token))!;
    await callerFor(deps, actor, { sessionToken: token }).auth.signOut();
    expect(await resolveOperatorSession(deps, token)).toBeNull();
  });

  it('refuses operator procedures without a session', async () => {
    await expect(callerFor(deps, null).organizations.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

import { describe, expect, it } from 'vitest';
import { ListActivityInput } from './index.ts';

const organizationId = 'm-' + 'a'.repeat(32);

describe('ListActivityInput', () => {
  it('treats blank filters as none and pages 50 by default', () => {
    expect(ListActivityInput.parse({ organizationId, actor: '  ', action: '' })).toEqual({ organizationId, limit: 50 });
  });
  it('keeps prefixes, trimmed', () => {
    expect(ListActivityInput.parse({ organizationId, actor: ' Op@', action: 'device.' })).toMatchObject({ actor: 'Op@', action: 'device.' });
  });
  it.each([
    [{ action: 'User.' }, 'action', /lower-case/],
    [{ action: 'a'.repeat(65) }, 'action', /at most 64/],
    [{ actor: 'a'.repeat(255) }, 'actor', /at most 254/],
    [{ targetId: 'alice' }, 'targetId', /UUID/],
  ])('refuses %o naming %s', (input, field, rule) => {
    const issue = ListActivityInput.safeParse({ organizationId, ...input }).error!.issues[0]!;
    expect(issue.path).toEqual([field]);
    expect(issue.message).toMatch(rule);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChangePasswordInput, PortalSignInInput } from '../portal/schemas.ts';
import { CreateUserInput } from '../users/schemas.ts';
import { loneSurrogateAt, NOT_WELL_FORMED_MESSAGE, text } from './well-formed.ts';

describe('well-formed text', () => {
  it('finds lone surrogates, high or low, and only them', () => {
    expect(loneSurrogateAt('plain')).toBe(-1);
    expect(loneSurrogateAt('emoji 😀 and 𝄞 are pairs')).toBe(-1);
    expect(loneSurrogateAt('ab\ud800')).toBe(2);
    expect(loneSurrogateAt('\udc00x')).toBe(0);
    expect(loneSurrogateAt('\udc00\ud800')).toBe(0);
  });

  it('refuses them with a message on the field, before any other rule', () => {
    const schema = z.object({ displayName: text().trim().min(1, 'Display name is required.').max(3, 'Too long.') });
    const result = schema.safeParse({ displayName: 'long name \ud800' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['displayName'], message: NOT_WELL_FORMED_MESSAGE })]);
    expect(schema.parse({ displayName: ' 😀 ' })).toEqual({ displayName: '😀' });
  });

  it('guards the schemas of the entry points: user fields, addresses, passwords', () => {
    const user = CreateUserInput.safeParse({
      organizationId: `m-${'a'.repeat(32)}`,
      name: 'ann\ud800',
      displayName: 'Ann \udfff',
      password: 'Secret-pass-1\ud800',
      repeatPassword: 'Secret-pass-1\ud800',
    });
    const fields = Object.fromEntries((user.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({ name: NOT_WELL_FORMED_MESSAGE, displayName: NOT_WELL_FORMED_MESSAGE, password: NOT_WELL_FORMED_MESSAGE });
    expect(PortalSignInInput.safeParse({ email: 'ann@example.com', password: '\ud800' }).error?.issues[0]?.message).toBe(NOT_WELL_FORMED_MESSAGE);
    const change = ChangePasswordInput.safeParse({ currentPassword: 'x\udc00', password: 'Secret-pass-1', repeatPassword: 'Secret-pass-1' });
    expect(change.error?.issues).toEqual([expect.objectContaining({ path: ['currentPassword'], message: NOT_WELL_FORMED_MESSAGE })]);
  });
});

import { describe, expect, it } from 'vitest';
import { lastPasswordHashes, PASSWORD_HISTORY_DEPTH, passwordReusedRefusal } from './history.ts';
import { operatorPasswordSchema } from './operator.ts';

describe('lastPasswordHashes', () => {
  it('puts the current hash first and counts it once when the history repeats it', () => {
    expect(lastPasswordHashes('h3', ['h3', 'h2', 'h1'])).toEqual(['h3', 'h2', 'h1']);
  });

  it(`keeps at most ${PASSWORD_HISTORY_DEPTH}`, () => {
    expect(lastPasswordHashes('h9', ['h8', 'h7', 'h6', 'h5', 'h4'])).toEqual(['h9', 'h8', 'h7', 'h6', 'h5']);
  });

  it('reads the history alone for a user without a current password', () => {
    expect(lastPasswordHashes(null, ['h1'])).toEqual(['h1']);
  });

  it('names the depth in the refusal', () => {
    expect(passwordReusedRefusal()).toMatchObject({ code: 'PASSWORD.REUSED', details: { field: 'password', depth: PASSWORD_HISTORY_DEPTH } });
  });
});

describe('operatorPasswordSchema', () => {
  it('takes 8 to 256 characters of any kind, unlike a mailbox password', () => {
    expect(operatorPasswordSchema.safeParse('abcdefg').error?.issues[0]?.message).toBe('must be at least 8 characters');
    expect(operatorPasswordSchema.safeParse('aaaaaaaa').success).toBe(true);
    expect(operatorPasswordSchema.safeParse('€'.repeat(256)).success).toBe(true);
    expect(operatorPasswordSchema.safeParse('a'.repeat(257)).success).toBe(false);
  });
});

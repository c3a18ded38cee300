import { describe, expect, it } from 'vitest';
import { accessKeyIdFrom, AccessKeyRef, CreateAccessKeyInput, secretAccessKeyFrom } from './schemas.ts';

describe('access key ids and secrets', () => {
  it('makes AKIA-style ids of 20 characters', () => {
    expect(accessKeyIdFrom(new Uint8Array(10))).toBe('AKIAAAAAAAAAAAAAAAAA');
    expect(accessKeyIdFrom(new Uint8Array(10).fill(255))).toBe('AKIA7777777777777777');
    expect(AccessKeyRef.safeParse({ accessKeyId: accessKeyIdFrom(new Uint8Array(10).fill(37)) }).success).toBe(true);
  });

  it('makes 40-character secrets', () => {
    expect(secretAccessKeyFrom(new Uint8Array(30).fill(250))).toHaveLength(40);
  });

  it('refuses wrong amounts of randomness', () => {
    expect(() => accessKeyIdFrom(new Uint8Array(9))).toThrow(RangeError);
    expect(() => secretAccessKeyFrom(new Uint8Array(31))).toThrow(RangeError);
  });

  it('validates inputs naming the rule', () => {
    expect(AccessKeyRef.safeParse({ accessKeyId: 'akia-lower' }).error!.issues[0]!.message).toMatch(/upper-case/);
    expect(CreateAccessKeyInput.parse({})).toEqual({ description: '' });
    expect(CreateAccessKeyInput.safeParse({ description: 'x'.repeat(257) }).error!.issues[0]!.message).toBe(
      'Description must be at most 256 characters.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { capNotices, MAX_NOTICES } from './notice-limit.ts';

const notices = (n: number, loading: number[] = []) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, loading: loading.includes(i) }));

describe('capNotices', () => {
  it(`keeps up to ${MAX_NOTICES} notices as they are`, () => {
    expect(capNotices(notices(MAX_NOTICES))).toEqual(notices(MAX_NOTICES));
  });

  it('drops the oldest beyond the limit', () => {
    expect(capNotices(notices(MAX_NOTICES + 2)).map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('never drops a notice still in progress, even the oldest', () => {
    expect(capNotices(notices(7, [6])).map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n6']);
    // Only progress left to drop: all stay.
    expect(capNotices(notices(6, [0, 1, 2, 3, 4, 5]))).toHaveLength(6);
  });
});

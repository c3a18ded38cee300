import { describe, expect, it } from 'vitest';
import { prefixRange } from '../src/prefix-range.ts';

describe('prefixRange', () => {
  it.each([
    ['Sal', 'sal', 'sam'],
    ['a', 'a', 'b'],
    ['team-', 'team-', 'team.'],
    ['zz', 'zz', 'z{'],
    ['Équ', 'équ', 'éqv'],
    ['ÿ', 'ÿ', 'Ā'],
    ['a\u{10FFFF}', 'a\u{10FFFF}', 'b'],
    ['\u{10FFFF}', '\u{10FFFF}', null],
    ['\uD7FF', '\uD7FF', '\uE000'],
  ])('%j → [%j, %j)', (prefix, low, high) => {
    expect(prefixRange(prefix)).toEqual({ low, high });
  });
});

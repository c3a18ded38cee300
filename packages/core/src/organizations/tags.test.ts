import { describe, expect, it } from 'vitest';
import { TagOrganizationInput, UntagOrganizationInput } from './schemas.ts';
import { MAX_TAGS, Tag, tagLimitRefusal } from './tags.ts';

const organizationId = `m-${'a'.repeat(32)}`;
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('a tag', () => {
  it('takes keys of 1 to 128 characters and values of 0 to 256, counted as characters', () => {
    expect(Tag.safeParse({ key: 'é'.repeat(128), value: '' }).success).toBe(true);
    expect(Tag.safeParse({ key: 'cost-centre', value: 'v'.repeat(256) }).success).toBe(true);
    expect(messages(Tag.safeParse({ key: '', value: 'x' }))).toEqual(['Enter a tag key.']);
    expect(messages(Tag.safeParse({ key: 'k'.repeat(129), value: 'x' }))).toEqual(['A tag key has at most 128 characters.']);
    expect(messages(Tag.safeParse({ key: 'k', value: 'v'.repeat(257) }))).toEqual(['A tag value has at most 256 characters.']);
  });

  it('allows letters, digits, spaces and _ . : / = + - @ only', () => {
    expect(Tag.safeParse({ key: 'Team/Owner_1 = a+b@c:d.e-f', value: 'Équipe 7' }).success).toBe(true);
    expect(messages(Tag.safeParse({ key: 'a;b', value: '' }))).toEqual(['A tag key may contain only letters, digits, spaces and _ . : / = + - @.']);
    expect(messages(Tag.safeParse({ key: 'a', value: 'x<y' }))).toEqual(['A tag value may contain only letters, digits, spaces and _ . : / = + - @.']);
  });

  it('reserves keys starting with aws:, in any case', () => {
    expect(messages(Tag.safeParse({ key: 'AWS:cloudformation', value: '' }))).toEqual(['Tag keys starting with "aws:" are reserved.']);
    expect(Tag.safeParse({ key: 'awsome', value: '' }).success).toBe(true);
  });
});

describe('tagging an organization', () => {
  it('names a key given twice at its place', () => {
    const result = TagOrganizationInput.safeParse({ organizationId, tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['tags', 1, 'key'], message: 'The key "a" is given twice.' })]);
  });

  it('needs one tag or key at least', () => {
    expect(messages(TagOrganizationInput.safeParse({ organizationId, tags: [] }))).toEqual(['Give at least one tag.']);
    expect(messages(UntagOrganizationInput.safeParse({ organizationId, keys: [] }))).toEqual(['Give at least one tag key.']);
  });

  it(`refuses going over ${MAX_TAGS} tags, counting a replaced key once`, () => {
    const existing = Array.from({ length: 49 }, (_, i) => `k${i}`);
    expect(tagLimitRefusal(existing, [{ key: 'k0' }, { key: 'new' }])).toBeNull();
    expect(tagLimitRefusal(existing, [{ key: 'new' }, { key: 'newer' }])).toMatchObject({
      code: 'TAG.LIMIT_REACHED',
      message: 'An organization has at most 50 tags: it has 49, and these would make 51.',
      details: { field: 'tags', limit: 50 },
    });
  });
});

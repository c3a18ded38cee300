import { z } from 'zod';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { text } from '../text/well-formed.ts';

/**
 * Tags: key–value labels an operator puts on an organization (cost centre, environment, owner), as WorkMail's
 * TagResource does. Its limits are AWS's: 50 tags per resource, keys of 1–128 and values of 0–256 characters from
 * letters, digits, spaces and `_ . : / = + - @`, and keys starting with `aws:` reserved.
 */
export const MAX_TAGS = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const allowed = 'letters, digits, spaces and _ . : / = + - @';
/** In characters, as a person counts them (an emoji is refused anyway, but é counts once). */
const length = (s: string) => [...s].length;

export const tagKey = text()
  .refine((k) => length(k) >= 1, 'Enter a tag key.')
  .refine((k) => length(k) <= TAG_KEY_MAX, `A tag key has at most ${TAG_KEY_MAX} characters.`)
  .regex(TAG_CHARACTERS, `A tag key may contain only ${allowed}.`)
  .refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys starting with "aws:" are reserved.');

export const tagValue = text()
  .refine((v) => length(v) <= TAG_VALUE_MAX, `A tag value has at most ${TAG_VALUE_MAX} characters.`)
  .regex(TAG_CHARACTERS, `A tag value may contain only ${allowed}.`);

export const Tag = z.object({ key: tagKey, value: tagValue });
export type Tag = z.infer<typeof Tag>;

/** Tags given together name each key once: otherwise which value wins would be left to chance. */
export const tagList = z
  .array(Tag)
  .min(1, 'Give at least one tag.')
  .max(MAX_TAGS, `Give at most ${MAX_TAGS} tags at once.`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      if (seen.has(t.key)) ctx.addIssue({ code: 'custom', message: `The key "${t.key}" is given twice.`, path: [i, 'key'] });
      seen.add(t.key);
    });
  });

/** Why these tags may not be added to an organization that has `existingKeys`, or `null`. A key already there is replaced, not added. */
export function tagLimitRefusal(existingKeys: readonly string[], tags: readonly Pick<Tag, 'key'>[]): Refusal | null {
  const total = new Set([...existingKeys, ...tags.map((t) => t.key)]).size;
  return total > MAX_TAGS
    ? refusal('TAG.LIMIT_REACHED', `An organization has at most ${MAX_TAGS} tags: it has ${existingKeys.length}, and these would make ${total}.`, {
        field: 'tags',
        limit: MAX_TAGS,
      })
    : null;
}

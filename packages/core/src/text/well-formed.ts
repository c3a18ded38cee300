import { z } from 'zod';

/**
 * A lone UTF-16 surrogate: half of a pair without its other half. JSON (and so tRPC and the AWS JSON protocol) can
 * carry one (`"\ud800"`), but it is no Unicode character: UTF-8 cannot encode it, PostgreSQL refuses it in `jsonb`, and
 * hashing a password holding one would treat different inputs as the same. With the `u` flag a paired surrogate is one
 * code point, so only a lone one is in the category `Cs`.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export const NOT_WELL_FORMED_MESSAGE = 'Must be well-formed Unicode text: it contains an unpaired UTF-16 surrogate.';

/** Where the first lone surrogate of `s` is, or -1 when `s` is well-formed. */
export const loneSurrogateAt = (s: string): number => s.search(LONE_SURROGATE);

/**
 * The string schema every other builds on (lint forbids a bare `z.string()` in core and the server): a string that is
 * well-formed Unicode, refused otherwise with a message on its own field before any other rule runs.
 */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => loneSurrogateAt(s) < 0, { message: NOT_WELL_FORMED_MESSAGE, abort: true });

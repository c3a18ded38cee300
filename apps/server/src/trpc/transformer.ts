import superjson from 'superjson';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Values = Record<string, ['Date'] | ['undefined']>;

/** superjson's path syntax: keys joined by dots, a dot or backslash inside a key escaped. */
const escapeKey = (key: string) => (key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

class NotPlain extends Error {}

/**
 * What procedures return — plain objects and arrays of strings, finite numbers, booleans, null, undefined and Dates —
 * in superjson's wire format, in one pass. superjson itself walks every value through its whole registry of types
 * (and records which objects repeat), which was a seventh of a list call's CPU. Anything else (a Map, a BigInt, NaN,
 * a class instance) throws `NotPlain` and the value goes to superjson.
 */
function plain(value: unknown, path: string, values: Values): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotPlain();
      return value;
    case 'undefined':
      values[path] = ['undefined'];
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new NotPlain();
        values[path] = ['Date'];
        return value.toISOString();
      }
      const prefix = path === '' ? '' : `${path}.`;
      if (Array.isArray(value)) return value.map((item, i) => plain(item, `${prefix}${i}`, values));
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      const out: Record<string, Json> = {};
      for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key], `${prefix}${escapeKey(key)}`, values);
      return out;
    }
    default:
      throw new NotPlain();
  }
}

function serialize(value: unknown) {
  // A bare value at the top (a Date, undefined) has an empty path, which superjson writes in a form of its own.
  if (typeof value !== 'object' || value === null || value instanceof Date) return superjson.serialize(value);
  try {
    const values: Values = {};
    const json = plain(value, '', values);
    return Object.keys(values).length === 0 ? { json } : { json, meta: { values, v: 1 } };
  } catch (error) {
    if (error instanceof NotPlain) return superjson.serialize(value);
    throw error;
  }
}

/** tRPC's transformer: superjson on the wire (the clients' `superjson` reads it), serialised by `serialize` above. */
export const transformer = {
  serialize,
  deserialize: (payload: Parameters<typeof superjson.deserialize>[0]): unknown => superjson.deserialize(payload),
};

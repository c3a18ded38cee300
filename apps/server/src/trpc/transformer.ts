import superjson from 'superjson';

type Values = Record<string, ['Date'] | ['undefined']>;

/** A value's place in the answer: the keys and indexes from the top, joined only when a value needs its path. */
type Path = (string | number)[];

/** superjson's path syntax: keys joined by dots, a dot or backslash inside a key escaped. */
const escapeKey = (key: string | number) =>
  typeof key === 'string' && (key.includes('.') || key.includes('\\')) ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : String(key);
const pathOf = (path: Path) => path.map(escapeKey).join('.');

class NotPlain extends Error {}

/**
 * Where a plain answer — objects and arrays of strings, finite numbers, booleans, null, undefined and Dates — holds its
 * Dates and undefineds: the paths superjson's meta names. Nothing is copied, for JSON.stringify writes the answer as
 * superjson would: a Date as its ISO string, an undefined in an array as null; an undefined property it leaves out
 * (superjson writes null there), and superjson's reader restores it from the meta all the same. superjson itself walks
 * every value through its whole registry of types and records which objects repeat (a seventh of a list call's CPU);
 * copying the answer while building each value's path was most of what remained. Anything else (a Map, a BigInt, NaN,
 * a class instance, a function) throws `NotPlain`, and the answer goes to superjson.
 */
function scan(value: unknown, path: Path, values: Values): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new NotPlain();
      return;
    case 'undefined':
      values[pathOf(path)] = ['undefined'];
      return;
    case 'object': {
      if (value === null) return;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new NotPlain();
        values[pathOf(path)] = ['Date'];
        return;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          scan(value[i], path, values);
          path.pop();
        }
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      for (const key of Object.keys(value)) {
        path.push(key);
        scan((value as Record<string, unknown>)[key], path, values);
        path.pop();
      }
      return;
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
    scan(value, [], values);
    return Object.keys(values).length === 0 ? { json: value } : { json: value, meta: { values, v: 1 } };
  } catch (error) {
    if (error instanceof NotPlain) return superjson.serialize(value);
    throw error;
  }
}

/** tRPC's transformer: superjson on the wire (the clients' `superjson` reads it), the answer's meta found by `scan` above. */
export const transformer = {
  serialize,
  deserialize: (payload: Parameters<typeof superjson.deserialize>[0]): unknown => superjson.deserialize(payload),
};

import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { transformer } from '../../src/trpc/transformer.ts';

/** The server writes superjson's wire format itself (faster); the clients read it with superjson. */
const page = {
  items: [
    { id: 'u1', name: 'ana', email: 'ana@x.test', createdAt: new Date('2026-01-02T03:04:05.678Z'), enabledAt: null, note: undefined },
    { id: 'u2', name: 'bo', email: null, createdAt: new Date(0), tags: ['a', 'b', undefined], nested: { 'dotted.key': new Date(5), 'back\\slash': 1 } },
  ],
  nextCursor: null,
  total: { count: 2, exact: true },
};
const { note: _note, ...first } = page.items[0]!;
const defined = { ...page, items: [first, page.items[1]!] };

/** What goes over HTTP. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the tRPC transformer', () => {
  it('writes what superjson writes for plain answers, and superjson reads it back as it was', () => {
    expect(wire(transformer.serialize(defined))).toEqual(wire(superjson.serialize(defined)));
    expect(superjson.deserialize(wire(transformer.serialize(page)) as never)).toStrictEqual(superjson.deserialize(wire(superjson.serialize(page)) as never));
    expect(superjson.deserialize(wire(transformer.serialize(page)) as never)).toEqual(page);
    expect(transformer.serialize({ ok: true })).toEqual({ json: { ok: true } });
    expect(wire(transformer.serialize([1, 'a', undefined]))).toEqual(wire(superjson.serialize([1, 'a', undefined])));
  });

  it('leaves an undefined property out of the JSON, where superjson writes null; its meta says undefined all the same', () => {
    const ours = wire(transformer.serialize(page)) as { json: { items: Record<string, unknown>[] }; meta: unknown };
    expect(ours.json.items[0]).not.toHaveProperty('note');
    expect(ours.meta).toEqual((wire(superjson.serialize(page)) as { meta: unknown }).meta);
  });

  it('leaves to superjson what plain JSON cannot carry', () => {
    for (const value of [new Date(1), undefined, null, 'text', { n: NaN }, { z: -0 }, { big: 1n }, { m: new Map([['a', 1]]) }, { s: new Set([1]) }, { bad: new Date(NaN) }]) {
      expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    }
    class Point {
      constructor(readonly x: number) {}
    }
    expect(transformer.serialize({ p: new Point(1) })).toEqual(superjson.serialize({ p: new Point(1) }));
  });
});

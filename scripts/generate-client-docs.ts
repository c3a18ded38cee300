/**
 * Writes the procedure reference of docs/client.md from the router itself, so it cannot drift from the code:
 * every procedure of `appRouter`, who may call it, and its input rendered from the zod schema (zod 4's JSON
 * Schema conversion). `pnpm docs:client` rewrites the marked section; `--check` exits 1 when it is stale
 * (the server's test suite runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appRouter } from '../apps/server/src/trpc/app-router.ts';
import { operatorMutation, operatorProcedure, publicProcedure } from '../apps/server/src/trpc/init.ts';

export const clientDocPath = fileURLToPath(new URL('../docs/client.md', import.meta.url));
const BEGIN = '<!-- BEGIN GENERATED: procedures (pnpm docs:client) -->';
const END = '<!-- END GENERATED: procedures -->';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

interface ToJsonSchema {
  toJSONSchema(params: {
    io: 'input';
    unrepresentable: (ctx: { zodSchema: { _zod: { def: { type: string } } } }) => JsonSchema | 'any';
  }): JsonSchema;
}

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: unknown[];
  middlewares: unknown[];
}

/** Input as the client sends it: superjson carries `Date` objects, the one type JSON Schema has no word for. */
function inputSchema(parser: unknown): JsonSchema {
  if (typeof (parser as Partial<ToJsonSchema>).toJSONSchema !== 'function') throw new Error('Procedure inputs must be zod schemas.');
  return (parser as ToJsonSchema).toJSONSchema({
    io: 'input',
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : 'any'),
  });
}

/** Our middlewares, without tRPC's own (input parsing, error formatting), which it marks with `_type`. */
const ours = (middlewares: unknown[]) => middlewares.filter((m) => !(m as { _type?: string })._type);
const middlewaresOf = (builder: unknown) => ours((builder as { _def: { middlewares: unknown[] } })._def.middlewares);
const uses = (def: ProcedureDef, builder: unknown) => middlewaresOf(builder).every((m) => def.middlewares.includes(m));

/** Who may call: recognised by the builders of trpc/init.ts the procedure was made from. */
function caller(def: ProcedureDef): string {
  if (uses(def, operatorMutation)) return 'operator — console session or read-write API token';
  if (uses(def, operatorProcedure)) return 'operator — console session or any API token';
  // A procedure's last middleware is its resolver.
  if (ours(def.middlewares).length - 1 === middlewaresOf(publicProcedure).length) return 'anyone';
  return 'not with an API token (see its router)';
}

const code = (value: unknown) => `\`${typeof value === 'string' && value !== '' ? value : JSON.stringify(value)}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeName(s: JsonSchema): string {
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return [...new Set(variants.map(typeName))].join(' or ');
  if (s.enum) return s.enum.map(code).join(', ');
  if (s.const !== undefined) return code(s.const);
  if (s.format === 'date-time' && s.type === 'string') return 'Date';
  if (s.type === 'array') return `${s.items ? typeName(s.items) : 'unknown'}[]`;
  if (Array.isArray(s.type)) return s.type.join(' or ');
  return s.type ?? 'any';
}

const range = (min: number | undefined, max: number | undefined, unit: string) =>
  min !== undefined && max !== undefined ? `${min}–${max}${unit}` : min !== undefined ? `at least ${min}${unit}` : max !== undefined ? `at most ${max}${unit}` : null;

function rules(s: JsonSchema): string[] {
  const own = [
    range(s.minLength, s.maxLength, ' characters'),
    range(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum, ''),
    range(s.minItems, s.maxItems, ' items'),
    // A named format says more than the regular expression zod emits for it.
    s.format ? (s.format === 'date-time' ? null : `format ${s.format}`) : s.pattern ? `matches ${code(s.pattern)}` : null,
  ].filter((r): r is string => r !== null);
  const nested = [...(s.anyOf ?? s.oneOf ?? s.allOf ?? []), ...(s.type === 'array' && s.items && !s.items.properties ? [s.items] : [])];
  return [...own, ...nested.flatMap((n) => rules(n).map((r) => (n === s.items ? `each ${r}` : r)))];
}

/** The object inside `s` (directly, in an array, or one branch of a nullable), whose fields get their own rows. */
function objectIn(s: JsonSchema): { schema: JsonSchema; suffix: string } | null {
  if (s.properties) return { schema: s, suffix: '' };
  if (s.type === 'array' && s.items?.properties) return { schema: s.items, suffix: '[]' };
  for (const branch of s.anyOf ?? s.oneOf ?? []) {
    const found = objectIn(branch);
    if (found) return found;
  }
  return null;
}

function fieldRows(s: JsonSchema, prefix: string): string[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const notes = [...rules(field)];
    if (field.default !== undefined) notes.push(`default ${code(field.default)}`);
    if (field.description) notes.push(field.description);
    const nested = objectIn(field);
    const row = `| \`${path}\` | ${cell(typeName(field))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(notes.join('; '))} |`;
    return nested ? [row, ...fieldRows(nested.schema, `${path}${nested.suffix}.`)] : [row];
  });
}

function renderProcedure(path: string, def: ProcedureDef): string {
  const lines = [`### \`${path}\` — ${def.type}`, '', `Caller: ${caller(def)}.`, ''];
  if (def.inputs.length === 0) return [...lines, 'No input.', ''].join('\n');
  const schema = def.inputs.map(inputSchema).reduce((a, b) => ({
    ...a,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  }));
  if (!schema.properties) return [...lines, `Input: ${typeName(schema)}.`, ''].join('\n');
  if (Object.keys(schema.properties).length === 0) return [...lines, 'Input: `{}` (no fields).', ''].join('\n');
  return [...lines, '| field | type | required | rules |', '|---|---|---|---|', ...fieldRows(schema, ''), ''].join('\n');
}

/** The generated section: every procedure, grouped by router, in the router's own order. */
export function renderProcedures(): string {
  const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures);
  const groups = new Map<string, string[]>();
  for (const [path, procedure] of procedures) {
    const group = path.split('.')[0]!;
    groups.set(group, [...(groups.get(group) ?? []), renderProcedure(path, procedure._def)]);
  }
  return [...groups].map(([group, rendered]) => [`## \`${group}\``, '', ...rendered].join('\n')).join('\n');
}

/** `doc` with its generated section replaced by `section`. */
export function withProcedures(doc: string, section: string): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/client.md must contain the markers ${BEGIN} … ${END}.`);
  return `${doc.slice(0, begin + BEGIN.length)}\n\n${section}\n${doc.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(clientDocPath, 'utf8');
  const next = withProcedures(doc, renderProcedures());
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/client.md is out of date with the router: run `pnpm docs:client`.');
      process.exit(1);
    }
    console.log('docs/client.md is up to date.');
  } else {
    writeFileSync(clientDocPath, next);
    console.log(`Wrote the procedure reference of ${clientDocPath}.`);
  }
}

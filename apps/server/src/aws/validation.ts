import { emailAddressSchema } from '@mailyard/core/addresses';
import { z } from 'zod';
import { AwsError } from './protocol.ts';

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** AWS's wording: "2 validation errors detected: Value at 'Name' failed to satisfy constraint: …; Value at …". */
function invalidParameter(issues: Issue[], memberName: (path: PropertyKey[]) => string): AwsError {
  const n = issues.length;
  const lines = issues.map((i) => `Value at '${memberName(i.path)}' failed to satisfy constraint: ${i.message}`);
  return new AwsError('InvalidParameterException', `${n} validation error${n === 1 ? '' : 's'} detected: ${lines.join('; ')}`);
}

const modelPath = (path: PropertyKey[]) => path.map(String).join('.') || 'input';

/** The operation's input as the WorkMail model declares it, or an InvalidParameterException naming each member. */
export function parseInput<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidParameter(parsed.error.issues, modelPath);
  return parsed.data;
}

/** Core list inputs name the page members `limit` and `cursor`. */
const pageMembers: Record<string, string> = { limit: 'MaxResults', cursor: 'NextToken' };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uncapitalise = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The same input through the core schema the console's router uses (the domain's own rules: alias form, address
 * rules). A core field is named in the message as its WorkMail member: the field capitalised (`displayName` →
 * `DisplayName`), unless `members` names it otherwise.
 */
export function parseCore<S extends z.ZodType>(schema: S, input: z.input<S>, members: Record<string, string> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidParameter(parsed.error.issues, ([field, ...rest]) => {
    if (field === undefined) return 'input';
    const name = String(field);
    return [members[name] ?? pageMembers[name] ?? capitalise(name), ...rest.map(String)].join('.');
  });
}

type CoreFields<T> = { [K in keyof T as Uncapitalize<K & string>]: T[K] };

/** WorkMail members as the core fields of the same names (`DisplayName` → `displayName`), for `parseCore`. */
export const coreFields = <T extends Record<string, unknown>>(members: T): CoreFields<T> =>
  Object.fromEntries(Object.entries(members).map(([member, value]) => [uncapitalise(member), value])) as CoreFields<T>;

/** A List operation's `Filters` as core list fields, with the members that name them in messages (`Filters.State`). */
export function filterFields<T extends Record<string, unknown>>(filters: T): { fields: CoreFields<T>; members: Record<string, string> } {
  return { fields: coreFields(filters), members: Object.fromEntries(Object.keys(filters).map((m) => [uncapitalise(m), `Filters.${m}`])) };
}

/** An email address member through core's address rule. */
export const coreEmail = (value: string, member: string): string =>
  parseCore(z.object({ email: emailAddressSchema }), { email: value }, { email: member }).email;

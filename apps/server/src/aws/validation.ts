import type { z } from 'zod';
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

/**
 * The same input through the core schema the console's router uses (the domain's own rules: alias form, address
 * rules, password policy). `members` maps core field names back to WorkMail member names for the message. Issues
 * on the password are InvalidPasswordException, naming every rule the password breaks.
 */
export function parseCore<S extends z.ZodType>(schema: S, input: z.input<S>, members: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const password = issues.filter((i) => i.path[0] === 'password');
  if (password.length > 0) {
    throw new AwsError('InvalidPasswordException', `The password does not meet the password policy. ${password.map((i) => i.message).join(' ')}`);
  }
  throw invalidParameter(issues, (path) => [members[String(path[0])] ?? String(path[0]), ...path.slice(1).map(String)].join('.'));
}

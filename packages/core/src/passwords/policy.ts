import { DomainError } from '../errors/domain-error.ts';
import { text } from '../text/well-formed.ts';

/**
 * Password policies belong to a directory: the built-in directory's policy is fixed (the seed: "Amazon WorkMail
 * directory password policies can't be changed"), while an external directory can bring its own rules later.
 * A policy is therefore data (a list of rules), not code paths keyed on a directory type.
 */
export interface PasswordPolicyRule {
  /** Stable id for scripts, tests and error details. */
  rule: string;
  /** The checklist sentence shown live beside the password field. */
  label: string;
  /** The sentence shown when the password breaks the rule. */
  problem: string;
  test(password: string): boolean;
}

export interface PasswordPolicy {
  name: string;
  rules: readonly PasswordPolicyRule[];
}

export interface PasswordRuleResult {
  rule: string;
  label: string;
  ok: boolean;
}

export interface PasswordCheck {
  ok: boolean;
  /** Every rule of the policy, in order, passed or not (the live checklist). */
  rules: PasswordRuleResult[];
  /** One sentence per broken rule; empty when the password is accepted. */
  problems: string[];
}

export const PASSWORD_MIN_LENGTH = 8;
/** "Less than 64 characters": 63 is accepted, 64 refused. */
export const PASSWORD_MAX_LENGTH = 63;
export const PASSWORD_MIN_GROUPS = 3;

/** Length in characters (code points), so an astral character counts once, as a user would count it. */
const charCount = (s: string) => [...s].length;
const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

/** Basic Latin printable (U+0020–U+007E) or Latin-1 Supplement printable (U+00A0–U+00FF); no controls. */
export const isPasswordCharacter = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff);

export type CharacterGroup = 'uppercase' | 'lowercase' | 'digit' | 'special' | 'latin1Letter';

/** The five groups of the seed. × and ÷ sit among the Latin-1 letters but are symbols, so they count as special. */
export const characterGroups: readonly { group: CharacterGroup; label: string; test(cp: number): boolean }[] = [
  { group: 'uppercase', label: 'Uppercase letters (A–Z)', test: (cp) => cp >= 0x41 && cp <= 0x5a },
  { group: 'lowercase', label: 'Lowercase letters (a–z)', test: (cp) => cp >= 0x61 && cp <= 0x7a },
  { group: 'digit', label: 'Digits (0–9)', test: (cp) => cp >= 0x30 && cp <= 0x39 },
  {
    group: 'special',
    label: 'Special characters (for example <, ~ or !)',
    test: (cp) =>
      (cp >= 0x20 && cp <= 0x2f) ||
      (cp >= 0x3a && cp <= 0x40) ||
      (cp >= 0x5b && cp <= 0x60) ||
      (cp >= 0x7b && cp <= 0x7e) ||
      (cp >= 0xa0 && cp <= 0xbf) ||
      cp === 0xd7 ||
      cp === 0xf7,
  },
  {
    group: 'latin1Letter',
    label: 'Latin-1 letters (for example é, ü or ñ)',
    test: (cp) => cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7,
  },
];

/** The groups a password draws characters from, in the order of `characterGroups`. */
export function groupsIn(password: string): CharacterGroup[] {
  const cps = codePoints(password);
  return characterGroups.filter((g) => cps.some(g.test)).map((g) => g.group);
}

export const builtInPasswordPolicy: PasswordPolicy = {
  name: 'Mailyard directory',
  rules: [
    {
      rule: 'required',
      label: 'Not empty',
      problem: 'Password is required.',
      test: (pw) => pw.length > 0,
    },
    {
      rule: 'minLength',
      label: `At least ${PASSWORD_MIN_LENGTH} characters`,
      problem: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.`,
      test: (pw) => charCount(pw) >= PASSWORD_MIN_LENGTH,
    },
    {
      rule: 'maxLength',
      label: `Fewer than ${PASSWORD_MAX_LENGTH + 1} characters`,
      problem: `Password must be fewer than ${PASSWORD_MAX_LENGTH + 1} characters.`,
      test: (pw) => charCount(pw) <= PASSWORD_MAX_LENGTH,
    },
    {
      rule: 'characters',
      label: 'Only Basic Latin and Latin-1 Supplement characters',
      // Never echo the offending characters: messages end up in logs and audit events.
      problem: 'Password may contain only Basic Latin and Latin-1 Supplement characters (no control characters, emoji or other scripts).',
      test: (pw) => codePoints(pw).every(isPasswordCharacter),
    },
    {
      rule: 'groups',
      label: `Characters from at least ${PASSWORD_MIN_GROUPS} of: uppercase, lowercase, digits, special characters, Latin-1 letters`,
      problem: `Password must contain characters from at least ${PASSWORD_MIN_GROUPS} of these 5 groups: uppercase letters, lowercase letters, digits, special characters, Latin-1 letters (such as é, ü or ñ).`,
      test: (pw) => groupsIn(pw).length >= PASSWORD_MIN_GROUPS,
    },
  ],
};

/** Every rule of `policy` checked against `password`; nothing short-circuits, so the checklist is always complete. */
export function checkPassword(password: string, policy: PasswordPolicy = builtInPasswordPolicy): PasswordCheck {
  const results = policy.rules.map((r) => ({ rule: r.rule, label: r.label, ok: r.test(password), problem: r.problem }));
  return {
    ok: results.every((r) => r.ok),
    rules: results.map(({ rule, label, ok }) => ({ rule, label, ok })),
    problems: results.filter((r) => !r.ok).map((r) => r.problem),
  };
}

/** A zod string that reports one issue per broken rule (its `params.rule` names the rule). Never trimmed. */
export function passwordSchemaFor(policy: PasswordPolicy) {
  return text().superRefine((password, ctx) => {
    for (const r of policy.rules) {
      if (!r.test(password)) ctx.addIssue({ code: 'custom', message: r.problem, params: { rule: r.rule } });
    }
  });
}

export const passwordSchema = passwordSchemaFor(builtInPasswordPolicy);

/**
 * The server-side gate wherever a password is set (create, reset, import, self-service change).
 * Throws PASSWORD.POLICY naming every broken rule.
 */
export function assertPassword(
  password: string,
  field = 'password',
  policy: PasswordPolicy = builtInPasswordPolicy,
): void {
  const check = checkPassword(password, policy);
  if (check.ok) return;
  throw new DomainError('PASSWORD.POLICY', `The password does not meet the password policy. ${check.problems.join(' ')}`, {
    field,
    rules: check.rules.filter((r) => !r.ok).map((r) => r.rule),
    problems: check.problems,
  });
}

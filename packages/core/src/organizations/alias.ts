import { text } from '../text/well-formed.ts';

/** WorkMail's OrganizationName: 1–62 characters, `/^(?!d-)([\da-zA-Z]+)([-][\da-zA-Z]+)*$/`. */
export const ALIAS_MAX_LENGTH = 62;

/**
 * Every rule the alias breaks, each as a sentence that names it. Empty means valid.
 * The alias becomes the DNS label of the free test domain, hence the hyphen rules.
 */
export function aliasProblems(alias: string): string[] {
  const problems: string[] = [];
  if (alias.length === 0) return ['Organization name is required.'];
  if (alias.length > ALIAS_MAX_LENGTH) {
    problems.push(`Organization name must be at most ${ALIAS_MAX_LENGTH} characters (it has ${alias.length}).`);
  }
  if (/[^a-zA-Z0-9-]/.test(alias)) {
    problems.push('Organization name may contain only letters (a–z), digits and hyphens.');
  }
  if (alias.startsWith('-') || alias.endsWith('-') || alias.includes('--')) {
    problems.push('Organization name may not start or end with a hyphen, or contain two hyphens in a row.');
  }
  if (/^d-/i.test(alias)) {
    problems.push('Organization name may not start with "d-" (reserved for directory ids).');
  }
  return problems;
}

export const organizationAlias = text()
  .trim()
  .superRefine((alias, ctx) => {
    for (const message of aliasProblems(alias)) ctx.addIssue({ code: 'custom', message });
  });

/** Aliases are unique across the system regardless of case. */
export const normalizeAlias = (alias: string) => alias.trim().toLowerCase();

/** The free test domain of Quick setup: `<alias>.<suffix>`, lower case. */
export const testDomainFor = (alias: string, suffix: string) => `${normalizeAlias(alias)}.${suffix.toLowerCase()}`;

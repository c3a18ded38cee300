import { text } from '../text/well-formed.ts';

/** WorkMail's EmailAddress: `[a-zA-Z0-9._%+-]{1,64}@domain`, at most 254 characters (the SMTP path limit). */
export const MAX_ADDRESS_LENGTH = 254;
export const MAX_LOCAL_PART_LENGTH = 64;
const MAX_DOMAIN_LABEL_LENGTH = 63;

/** Every rule the part before the @ breaks, as sentences. Empty means valid. */
export function localPartProblems(localPart: string): string[] {
  if (localPart.length === 0) return ['Enter the part before the @.'];
  const problems: string[] = [];
  if (localPart.length > MAX_LOCAL_PART_LENGTH) {
    problems.push(`The part before the @ must be at most ${MAX_LOCAL_PART_LENGTH} characters (it has ${localPart.length}).`);
  }
  if (/[^a-zA-Z0-9._%+-]/.test(localPart)) {
    problems.push('The part before the @ may contain only letters (a–z), digits and . _ % + -');
  }
  // Allowed by WorkMail's pattern but refused by most mail software (RFC 5321 dot-atom).
  if (localPart.startsWith('.') || localPart.endsWith('.') || localPart.includes('..')) {
    problems.push('The part before the @ may not start or end with a dot, or contain two dots in a row.');
  }
  return problems;
}

/** Every rule a mail domain breaks: DNS labels of letters, digits and inner hyphens, ending in a TLD of 2+ letters. */
export function domainProblems(domain: string): string[] {
  if (domain.length === 0) return ['Enter the domain after the @.'];
  const labels = domain.split('.');
  const problems: string[] = [];
  if (labels.length < 2) problems.push(`Domain "${domain}" needs at least two parts, such as example.com.`);
  if (labels.some((l) => l.length === 0)) {
    problems.push('The domain may not start or end with a dot, or contain two dots in a row.');
  }
  if (labels.some((l) => /[^a-zA-Z0-9-]/.test(l))) {
    problems.push('The domain may contain only letters (a–z), digits, hyphens and dots.');
  }
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) {
    problems.push('Each part of the domain must start and end with a letter or digit.');
  }
  if (labels.some((l) => l.length > MAX_DOMAIN_LABEL_LENGTH)) {
    problems.push(`Each part of the domain must be at most ${MAX_DOMAIN_LABEL_LENGTH} characters.`);
  }
  const tld = labels[labels.length - 1]!;
  if (labels.length >= 2 && tld.length > 0 && !/^[a-zA-Z]{2,}$/.test(tld)) {
    problems.push('The domain must end in a top-level domain of at least two letters, such as .com.');
  }
  return problems;
}

/** `{ localPart, domain }` split at the last @, or `null` when there is no @. Not validated. */
export function splitAddress(address: string): { localPart: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  return { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Every rule a whole address breaks. Empty means valid. */
export function addressProblems(address: string): string[] {
  if (address.length === 0) return ['Email address is required.'];
  const parts = splitAddress(address);
  if (!parts) return ['An email address needs an @, as in name@example.com.'];
  const problems = [...localPartProblems(parts.localPart), ...domainProblems(parts.domain)];
  if (address.length > MAX_ADDRESS_LENGTH) {
    problems.push(`Email address must be at most ${MAX_ADDRESS_LENGTH} characters (it has ${address.length}).`);
  }
  return problems;
}

/** Addresses are one case-insensitive namespace (primary addresses, aliases, group addresses): store them this way. */
export const normalizeAddress = (address: string) => address.trim().toLowerCase();

export const joinAddress = (localPart: string, domain: string) => normalizeAddress(`${localPart.trim()}@${domain.trim()}`);

export const isValidAddress = (address: string) => addressProblems(normalizeAddress(address)).length === 0;

/** A whole address from a form or API: trimmed, lower-cased, one issue per broken rule. */
export const emailAddressSchema = text()
  .trim()
  .toLowerCase()
  .superRefine((address, ctx) => {
    for (const message of addressProblems(address)) ctx.addIssue({ code: 'custom', message });
  });

/** The left-hand box of "Add alias" (the domain comes from a list). */
export const localPartSchema = text()
  .trim()
  .toLowerCase()
  .superRefine((localPart, ctx) => {
    for (const message of localPartProblems(localPart)) ctx.addIssue({ code: 'custom', message });
  });

export const mailDomainSchema = text()
  .trim()
  .toLowerCase()
  .superRefine((domain, ctx) => {
    for (const message of domainProblems(domain)) ctx.addIssue({ code: 'custom', message });
  });

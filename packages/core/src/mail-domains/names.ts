import { parse } from 'tldts';
import { toASCII, toUnicode } from 'tr46';
import { homographProblem } from './homographs.ts';

/** RFC 1035: a name of at most 253 characters (without the root dot), labels of 1–63. */
export const MAX_DOMAIN_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

/** IDNA2008 through UTS #46 non-transitional processing, with every check on (what browsers and registries apply). */
const idna = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
  verifyDNSLength: true,
} as const;

/** A mail domain in both forms: stored and sent to DNS as `ascii` (A-labels), shown as `unicode` (U-labels). */
export interface MailDomainName {
  ascii: string;
  unicode: string;
}

export type MailDomainNameResult = { ok: true; name: MailDomainName } | { ok: false; problems: string[] };

/** The written form people type: trimmed, the root's trailing dot dropped. Case is folded by IDNA. */
const tidy = (raw: string) => raw.trim().replace(/\.$/, '');

/** The problems a person can fix by editing the text, before IDNA gets a say (IDNA says only "invalid"). */
function shapeProblems(text: string): string[] {
  if (text.length === 0) return ['Enter a domain name, such as example.com.'];
  const problems: string[] = [];
  if (/\s/u.test(text)) problems.push('A domain name may not contain spaces.');
  // IDNA would silently drop some of these (a zero-width space): what is registered must be what people see.
  if (/[\p{Cc}\p{Cf}]/u.test(text)) problems.push('A domain name may not contain invisible or control characters.');
  if (/[@/\\:?#[\]*!$&'"(),;=<>|`{}^~%+_]/u.test(text)) {
    problems.push('A domain name may contain only letters, digits, hyphens and dots (no @, /, :, _ or other symbols).');
  }
  const labels = text.split('.');
  if (labels.length < 2) problems.push(`"${text}" needs at least two parts, such as example.com.`);
  if (labels.some((l) => l.length === 0)) problems.push('A domain name may not start with a dot or contain two dots in a row.');
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) problems.push('Each part of a domain name must start and end with a letter or digit.');
  return problems;
}

/** Lengths are counted on the A-label form, the one DNS carries. */
function lengthProblems(ascii: string): string[] {
  const problems: string[] = [];
  if (ascii.length > MAX_DOMAIN_LENGTH) problems.push(`A domain name may be at most ${MAX_DOMAIN_LENGTH} characters (this one has ${ascii.length}).`);
  const long = ascii.split('.').find((l) => l.length > MAX_LABEL_LENGTH);
  if (long) problems.push(`Each part of a domain name may be at most ${MAX_LABEL_LENGTH} characters ("${long.slice(0, 20)}…" has ${long.length}).`);
  return problems;
}

/** Without `verifyDNSLength`, so that a too-long name gets its length message rather than a generic one. */
const asciiForm = (text: string) => toASCII(text, { ...idna, verifyDNSLength: false });

/**
 * The domain an operator asks to add, in both forms, or every rule it breaks, each as a sentence naming it:
 * IDNA (UTS #46), lengths, a registrable name under a known public suffix (the Public Suffix List through `tldts`,
 * private suffixes such as github.io included), and no look-alike of another script.
 */
export function parseMailDomainName(raw: string): MailDomainNameResult {
  const text = tidy(raw);
  const shape = shapeProblems(text);
  if (shape.length > 0) return { ok: false, problems: shape };
  const loose = asciiForm(text);
  if (loose === null) {
    return { ok: false, problems: [`"${text}" is not a valid internationalized domain name (IDNA): check for hyphens in the 3rd and 4th place, invalid xn-- labels, or mixed writing directions.`] };
  }
  const lengths = lengthProblems(loose);
  if (lengths.length > 0) return { ok: false, problems: lengths };
  const ascii = toASCII(text, idna);
  if (ascii === null) return { ok: false, problems: [`"${text}" is not a valid domain name.`] };
  const { domain: unicode } = toUnicode(ascii, idna);
  const suffix = parse(ascii, { allowPrivateDomains: true });
  if (suffix.isIp) return { ok: false, problems: ['Enter a domain name, not an IP address.'] };
  if (!suffix.isIcann && !suffix.isPrivate) {
    return { ok: false, problems: [`".${suffix.publicSuffix ?? ascii.split('.').pop()}" is not a known top-level domain.`] };
  }
  if (suffix.domain === null) {
    return { ok: false, problems: [`${unicode} is a public suffix (anyone can register names under it), not a domain of its own. Add a name under it, such as example.${unicode}.`] };
  }
  const homograph = homographProblem(unicode);
  if (homograph) return { ok: false, problems: [homograph] };
  return { ok: true, name: { ascii, unicode } };
}

/** The stored (A-label) domain as people read it; a name that does not decode is shown as stored. */
export function displayDomain(ascii: string): string {
  const { domain, error } = toUnicode(ascii, idna);
  return error ? ascii : domain;
}

/** The free test domain and everything under it belong to the installation: operators cannot add them. */
export function testSuffixProblem(ascii: string, testSuffix: string): string | null {
  const suffix = testSuffix.toLowerCase();
  return ascii === suffix || ascii.endsWith(`.${suffix}`)
    ? `Domains under ${suffix} are the installation's free test domains: add a domain you own.`
    : null;
}

import { toASCII } from 'tr46';
import { z } from 'zod';
import { pageInput } from '../pagination/cursor.ts';
import { clientToken, organizationId } from '../organizations/ids.ts';
import { parseMailDomainName } from './names.ts';
import { text } from '../text/well-formed.ts';

/** A domain to add: every rule it breaks is an issue of its own; the output is the A-label form. */
export const mailDomainName = text().transform((raw, ctx) => {
  const parsed = parseMailDomainName(raw);
  if (parsed.ok) return parsed.name.ascii;
  for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

/** A domain the organization already has, typed in either form: found by its A-label form (a typo is simply not found). */
export const mailDomainRef = text()
  .min(1, 'Enter a domain name.')
  .max(253, 'A domain name may be at most 253 characters.')
  .transform((raw) => {
    const text = raw.trim().replace(/\.$/, '');
    return toASCII(text) ?? text.toLowerCase();
  });

export const RegisterMailDomainInput = z.object({
  organizationId,
  domainName: mailDomainName,
  /** A retried request with the same token succeeds without a second registration. */
  clientToken: clientToken.optional(),
});
export type RegisterMailDomainInput = z.infer<typeof RegisterMailDomainInput>;

export const MailDomainRef = z.object({ organizationId, domainName: mailDomainRef });
export type MailDomainRef = z.infer<typeof MailDomainRef>;

export const ListMailDomainsInput = z.object({ organizationId, ...pageInput });

/** CreateOrganization's `Domains`: up to five, each added (and checked) as RegisterMailDomain would. */
export const organizationDomains = z
  .array(mailDomainName)
  .max(5, 'An organization can be created with at most 5 domains; add more afterwards.')
  .refine((domains) => new Set(domains).size === domains.length, 'The same domain is listed twice.');

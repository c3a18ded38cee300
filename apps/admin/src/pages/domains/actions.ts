import { defaultDomainRefusal, domainRemovalRefusal, type MailDomainSummary } from '@mailyard/core/mail-domains';

/** Why Set as default and Remove are not offered for a domain (core's rules; the default one has nothing to set), or null. */
export function domainActionRefusals(d: MailDomainSummary) {
  return {
    setDefault: d.isDefault ? { message: 'This is the default domain.' } : defaultDomainRefusal(d),
    remove: domainRemovalRefusal(d),
  };
}

import { describe, expect, it } from 'vitest';
import { defaultDomainRefusal, domainRemovalRefusal } from './changes.ts';

const domain = { domain: 'sales.example.com', isTestDomain: false, isDefault: false, verifiedAt: new Date('2026-01-01T00:00:00Z') };

describe('domain changes', () => {
  it('keeps the free test domain and the default domain', () => {
    expect(domainRemovalRefusal(domain)).toBeNull();
    expect(domainRemovalRefusal({ ...domain, isTestDomain: true })).toMatchObject({ code: 'DOMAIN.PROTECTED', message: expect.stringMatching(/free test domain/) });
    expect(domainRemovalRefusal({ ...domain, isDefault: true })).toMatchObject({ code: 'DOMAIN.PROTECTED', message: expect.stringMatching(/default domain/) });
  });

  it('makes only a proven domain the default', () => {
    expect(defaultDomainRefusal(domain)).toBeNull();
    expect(defaultDomainRefusal({ ...domain, verifiedAt: null })).toMatchObject({ code: 'DOMAIN.NOT_VERIFIED', details: { field: 'domainName' } });
  });
});

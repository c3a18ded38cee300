import { describe, expect, it } from 'vitest';
import { addressDomains } from './usable.ts';

const domain = (name: string, status: 'VERIFIED' | 'PENDING' = 'VERIFIED') => ({ domain: name, verifiedAt: status === 'VERIFIED' ? new Date('2026-01-01T00:00:00Z') : null });

describe('the domains addresses may use', () => {
  it('are the proven ones, the default first, then alphabetical; the default is proposed', () => {
    const org = { defaultMailDomain: 'm.example.net', domains: [domain('b.example.com'), domain('m.example.net'), domain('a.example.com'), domain('p.example.org', 'PENDING')] };
    expect(addressDomains(org)).toEqual({ domains: ['m.example.net', 'a.example.com', 'b.example.com'], defaultDomain: 'm.example.net' });
  });

  it('propose the first proven domain when the default is not proven, and none when none is', () => {
    expect(addressDomains({ defaultMailDomain: 'p.example.org', domains: [domain('p.example.org', 'PENDING'), domain('b.example.com'), domain('a.example.com')] })).toEqual({
      domains: ['a.example.com', 'b.example.com'],
      defaultDomain: 'a.example.com',
    });
    expect(addressDomains({ defaultMailDomain: null, domains: [domain('p.example.org', 'PENDING')] })).toEqual({ domains: [], defaultDomain: null });
  });
});

/** Why each record is published; the console groups and explains them by purpose. */
export const recordPurposes = ['ownership', 'mx', 'spf', 'dkim', 'dmarc', 'autodiscover'] as const;
export type RecordPurpose = (typeof recordPurposes)[number];

/** One DNS record to publish, as GetMailDomain's `Records` carry it (`Type`, `Hostname`, `Value`). */
export interface DnsRecord {
  purpose: RecordPurpose;
  type: 'TXT' | 'MX' | 'CNAME';
  /** Fully qualified, without the root's trailing dot. */
  hostname: string;
  value: string;
  /** DKIM: the selector the record publishes, and whether its key signs now or is the next one (a rotation). */
  selector?: string;
  keyState?: DkimKeyState;
}

export type DkimKeyState = 'active' | 'next';

export interface DkimPublicKey {
  selector: string;
  /** The RSA public key as base64 DER (SubjectPublicKeyInfo), what `p=` carries. */
  publicKey: string;
  state: DkimKeyState;
}

export interface RecordFacts {
  /** A-label form. */
  domain: string;
  ownershipToken: string;
  mxHost: string;
  autodiscoverHost: string;
  dkimKeys: readonly DkimPublicKey[];
}

export const OWNERSHIP_PREFIX = '_mailyard';
export const ownershipHost = (domain: string) => `${OWNERSHIP_PREFIX}.${domain}`;
export const ownershipValue = (token: string) => `mailyard-verification=${token}`;
export const dkimHost = (selector: string, domain: string) => `${selector}._domainkey.${domain}`;
export const dkimValue = (publicKey: string) => `v=DKIM1; k=rsa; p=${publicKey}`;

/** `mailyard-YYYYMMDD-xxxx`: dated, so a rotation's new selector differs from the old and reads as newer. */
export function dkimSelector(now: Date, randomHex4: string): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `mailyard-${day}-${randomHex4}`;
}

/**
 * Every record the domain needs, in the order an operator publishes them: ownership first (nothing else counts
 * until it is proven), then mail routing (MX), sending policy (SPF, DKIM, DMARC) and client set-up (autodiscover).
 * SPF authorises the domain's MX hosts (`mx`), which are Mailyard's; the DMARC policy starts by monitoring
 * (`p=none`) with reports to the organization's postmaster, the suggestion to tighten once reports look clean.
 */
export function domainRecords(f: RecordFacts): DnsRecord[] {
  const d = f.domain;
  const dkim = [...f.dkimKeys]
    .sort((a, b) => (a.state === b.state ? 0 : a.state === 'active' ? -1 : 1))
    .map((k): DnsRecord => ({ purpose: 'dkim', type: 'TXT', hostname: dkimHost(k.selector, d), value: dkimValue(k.publicKey), selector: k.selector, keyState: k.state }));
  return [
    { purpose: 'ownership', type: 'TXT', hostname: ownershipHost(d), value: ownershipValue(f.ownershipToken) },
    { purpose: 'mx', type: 'MX', hostname: d, value: `10 ${f.mxHost}` },
    { purpose: 'spf', type: 'TXT', hostname: d, value: 'v=spf1 mx ~all' },
    ...dkim,
    { purpose: 'dmarc', type: 'TXT', hostname: `_dmarc.${d}`, value: `v=DMARC1; p=none; rua=mailto:postmaster@${d}` },
    { purpose: 'autodiscover', type: 'CNAME', hostname: `autodiscover.${d}`, value: f.autodiscoverHost },
  ];
}

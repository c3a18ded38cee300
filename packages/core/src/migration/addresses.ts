import { splitAddress } from '../addresses/address.ts';
import type { OrganizationSnapshot } from './models.ts';

/**
 * How a source address is named in the target. The source's test domain (`<alias>.awsapps.com`) cannot move:
 * its addresses move to the target's test domain with the same local part. Every other domain keeps its name.
 */
export interface AddressMap {
  sourceTestDomain: string | null;
  targetTestDomain: string | null;
}

export function addressMapOf(source: OrganizationSnapshot, target: OrganizationSnapshot): AddressMap {
  return {
    sourceTestDomain: source.domains.find((d) => d.isTest)?.name ?? null,
    targetTestDomain: target.domains.find((d) => d.isTest)?.name ?? null,
  };
}

export function mapAddress(address: string, map: AddressMap): string {
  const lower = address.toLowerCase();
  const parts = splitAddress(lower);
  if (!parts || !map.sourceTestDomain || !map.targetTestDomain || parts.domain !== map.sourceTestDomain) return lower;
  return `${parts.localPart}@${map.targetTestDomain}`;
}

export const domainOf = (address: string) => splitAddress(address)?.domain ?? '';

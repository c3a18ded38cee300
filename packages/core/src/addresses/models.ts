/** Who gave an address: the console or API, the user through the portal, the system (postmaster@), or an import. */
export type AddressOrigin = 'operator' | 'self_service' | 'api' | 'system' | 'import';

/** One address of a user or group: the console's Email addresses tab, WorkMail's ListAliases. */
export interface EntityAddress {
  address: string;
  isPrimary: boolean;
  createdAt: Date;
}

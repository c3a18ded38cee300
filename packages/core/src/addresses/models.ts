/** One address of a user or group: the console's Email addresses tab, WorkMail's ListAliases. */
export interface EntityAddress {
  address: string;
  isPrimary: boolean;
  createdAt: Date;
}

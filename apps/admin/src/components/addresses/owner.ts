import type { AddAliasInput, RemoveAliasInput, SetPrimaryAddressInput } from '@mailyard/core/addresses';
import type { Refusal } from '@mailyard/core/errors';

/** The procedures of the owner's router (`client.users` or `client.groups`): both answer the same address calls. */
export interface AddressCalls {
  addAlias: { mutate(input: AddAliasInput): Promise<{ address: string }> };
  removeAlias: { mutate(input: RemoveAliasInput): Promise<unknown> };
  setPrimaryAddress: { mutate(input: SetPrimaryAddressInput): Promise<unknown> };
}

/** A user or a group, as its Email addresses tab and dialogs need it. */
export interface AddressOwner {
  organizationId: string;
  id: string;
  name: string;
  /** The primary address; null while never enabled. */
  email: string | null;
  /** How notices name it: "alice" or "group Sales". */
  label: string;
  calls: AddressCalls;
  /** Core's refusals: why its aliases, or its primary address, cannot change now. */
  changeRefusal: Refusal | null;
  primaryRefusal: Refusal | null;
  /** The notice its changes replace, and what to read again after one. */
  noticeId: string;
  refresh(): Promise<unknown>;
}

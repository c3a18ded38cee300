import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { entityId } from '../entities/ids.ts';
import { EntityStateSchema, MemberTypeSchema } from '../entities/state.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput, prefixFilter } from '../pagination/cursor.ts';
import { sortInput } from '../pagination/sorting.ts';
import { BookingOptionsPatch } from './booking.ts';
import { resourceId } from './ids.ts';
import { newResourceNameSchema, resourceDescriptionSchema } from './names.ts';

export const resourceTypes = ['ROOM', 'EQUIPMENT'] as const;
export type ResourceType = (typeof resourceTypes)[number];
export const ResourceTypeSchema = z.enum(resourceTypes, { error: 'Type must be ROOM or EQUIPMENT.' });

export const ResourceRef = z.object({ organizationId, resourceId });
export type ResourceRef = z.infer<typeof ResourceRef>;

/** As WorkMail's CreateResource: DISABLED without an address, with the default booking options. An empty description is none. */
export const CreateResourceInput = z.object({
  organizationId,
  name: newResourceNameSchema,
  type: ResourceTypeSchema,
  description: resourceDescriptionSchema.transform((d) => (d === '' ? undefined : d)).optional(),
  hiddenFromGlobalAddressList: z.boolean().default(false),
});
export type CreateResourceInput = z.infer<typeof CreateResourceInput>;

/** Every member optional: those left out keep their value; an empty description clears it (WorkMail's UpdateResource). */
export const UpdateResourceInput = z.object({
  organizationId,
  resourceId,
  name: newResourceNameSchema.optional(),
  type: ResourceTypeSchema.optional(),
  description: resourceDescriptionSchema.optional(),
  bookingOptions: BookingOptionsPatch.optional(),
  hiddenFromGlobalAddressList: z.boolean().optional(),
});
export type UpdateResourceInput = z.infer<typeof UpdateResourceInput>;

/** Enabling gives the resource its primary address (WorkMail's RegisterToWorkMail). */
export const EnableResourceInput = z.object({ organizationId, resourceId, email: emailAddressSchema });
export type EnableResourceInput = z.infer<typeof EnableResourceInput>;

/** A user or group as a resource's delegate; `delegateType` may be left out (WorkMail passes an id only). */
export const ResourceDelegateInput = z.object({ organizationId, resourceId, delegateId: entityId, delegateType: MemberTypeSchema.optional() });
export type ResourceDelegateInput = z.infer<typeof ResourceDelegateInput>;

/** The columns the console sorts resources by, each with its page index. */
export const resourceSortColumns = ['name', 'type', 'email', 'state', 'createdAt'] as const;
export type ResourceSort = (typeof resourceSortColumns)[number];

/** Which resources a list or its total covers: the console's search and state filter, and WorkMail's prefix filters. */
const resourceFilters = {
  organizationId,
  /** The console's search box: a fragment anywhere in the name or the primary address. */
  search: prefixFilter('Search'),
  state: EntityStateSchema.optional(),
  /** WorkMail ListResources filters: each given prefix must match. */
  namePrefix: prefixFilter('Name prefix'),
  primaryEmailPrefix: prefixFilter('Email prefix'),
};

/** By name unless sorted otherwise (WorkMail's order: by name, or by address when only an address prefix is given). */
export const ListResourcesInput = z.object({ ...resourceFilters, ...pageInput, ...sortInput(resourceSortColumns) });
export type ListResourcesInput = z.infer<typeof ListResourcesInput>;

export const CountResourcesInput = z.object(resourceFilters);
export type CountResourcesInput = z.infer<typeof CountResourcesInput>;

export const ListResourceDelegatesInput = z.object({ organizationId, resourceId, ...pageInput });
export type ListResourceDelegatesInput = z.infer<typeof ListResourceDelegatesInput>;

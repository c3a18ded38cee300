import { z } from 'zod';

/** WorkMail's EntityState, shared by users, groups and resources. */
export const entityStates = ['ENABLED', 'DISABLED', 'DELETED'] as const;
export type EntityState = (typeof entityStates)[number];
export const EntityStateSchema = z.enum(entityStates);

/** Member.Type and Permission.GranteeType. */
export const memberTypes = ['USER', 'GROUP'] as const;
export type MemberType = (typeof memberTypes)[number];
export const MemberTypeSchema = z.enum(memberTypes);

/** DescribeEntity's EntityType: what holds a name or an address in an organization. */
export const entityTypes = ['USER', 'GROUP', 'RESOURCE'] as const;
export type EntityType = (typeof entityTypes)[number];

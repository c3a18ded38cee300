import { z } from 'zod';

/** WorkMail's EntityState, shared by users, groups and resources. */
export const entityStates = ['ENABLED', 'DISABLED', 'DELETED'] as const;
export type EntityState = (typeof entityStates)[number];
export const EntityStateSchema = z.enum(entityStates);

/** Member.Type and Permission.GranteeType. */
export const memberTypes = ['USER', 'GROUP'] as const;
export type MemberType = (typeof memberTypes)[number];
export const MemberTypeSchema = z.enum(memberTypes);

import type { AccessControlRuleFields, AccessEffectName } from './schemas.ts';

/** A rule as the console and ListAccessControlRules show it. */
export interface AccessControlRule extends AccessControlRuleFields {
  createdAt: Date;
  /** The last time a PutAccessControlRule of this name replaced it. */
  updatedAt: Date;
}

/** What the rules decide, and the rules that decided it (none when no rule matched). */
export interface AccessEffect {
  effect: AccessEffectName;
  matchedRules: string[];
}

import { refusal, type Refusal } from '../errors/refusal.ts';

export const NESTED_GROUPS_NOT_SUPPORTED = 'The built-in directory does not support nested groups';

/** Whether a group may be added to a group: a property of the directory (the built-in one says no). */
export function canNestGroups(directory: { nestedGroups: boolean }): Refusal | null {
  return directory.nestedGroups
    ? null
    : refusal('GROUP.NESTING_NOT_SUPPORTED', NESTED_GROUPS_NOT_SUPPORTED, { field: 'memberId' });
}

/**
 * Where nesting is allowed: refused when adding `memberGroupId` to `groupId` would make a group contain itself.
 * `childGroupsOf` returns the groups directly inside a group.
 */
export function groupCycleRefusal(
  groupId: string,
  memberGroupId: string,
  childGroupsOf: (groupId: string) => readonly string[],
): Refusal | null {
  const seen = new Set<string>();
  const stack = [memberGroupId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === groupId) return refusal('GROUP.CYCLE', 'A group cannot contain itself, directly or through other groups.', { field: 'memberId' });
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...childGroupsOf(id));
  }
  return null;
}

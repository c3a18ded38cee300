import { describe, expect, it } from 'vitest';
import { blocksOrganizationDeletion, deletionRefusal, isDeletionUnderway } from './deletion.ts';
import type { OrganizationState } from './state.ts';

const id = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
const facts = (state: OrganizationState, enabledUsers = 0, force = false) => ({ id, state, enabledUsers, force });

describe('organization deletion', () => {
  it.each(['Active', 'Impaired', 'Inactive', 'Failed'] as const)('a %s organization without enabled users may be deleted', (state) => {
    expect(deletionRefusal(facts(state))).toBeNull();
  });

  it.each(['Requested', 'Creating', 'Validating'] as const)('a %s organization may not be deleted yet', (state) => {
    expect(deletionRefusal(facts(state))).toMatchObject({
      code: 'ORGANIZATION.INVALID_TRANSITION',
      message: `Organization ${id} is not Active, state: ${state}`,
    });
  });

  it('needs ForceDelete while users are enabled', () => {
    expect(deletionRefusal(facts('Active', 2))).toMatchObject({
      code: 'ORGANIZATION.HAS_ENABLED_USERS',
      message: expect.stringMatching(/2 enabled users.*ForceDelete/),
    });
    expect(deletionRefusal(facts('Active', 2, true))).toBeNull();
  });

  it('treats a deletion underway as done', () => {
    expect(isDeletionUnderway('Deleting')).toBe(true);
    expect(isDeletionUnderway('Deleted')).toBe(true);
    expect(isDeletionUnderway('Active')).toBe(false);
  });
});

describe('the users that need ForceDelete', () => {
  it('are the enabled users other than system users', () => {
    expect(blocksOrganizationDeletion({ state: 'ENABLED', role: 'USER' })).toBe(true);
    expect(blocksOrganizationDeletion({ state: 'ENABLED', role: 'REMOTE_USER' })).toBe(true);
    expect(blocksOrganizationDeletion({ state: 'ENABLED', role: 'SYSTEM_USER' })).toBe(false);
    expect(blocksOrganizationDeletion({ state: 'DISABLED', role: 'USER' })).toBe(false);
    expect(blocksOrganizationDeletion({ state: 'DELETED', role: 'USER' })).toBe(false);
  });
});

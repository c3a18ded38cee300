import { describe, expect, it } from 'vitest';
import {
  bookingRefusal,
  canDeleteResource,
  canEnableResource,
  CreateResourceInput,
  resourceId,
  resourceIdOf,
  resourceNameSchema,
  UpdateResourceInput,
  uuidOfResourceId,
} from './index.ts';

const organizationId = 'm-d281d0a2fd824be5b6cd3d3ce909fd27';
const uuid = '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c';

describe('resource ids', () => {
  it("are WorkMail's r- form of the UUID, both ways", () => {
    expect(resourceIdOf(uuid)).toBe('r-0b5c8f2e3c1a4f7e9a521d2e3f4a5b6c');
    expect(uuidOfResourceId(resourceIdOf(uuid))).toBe(uuid);
    expect(resourceId.parse(' R-0B5C8F2E3C1A4F7E9A521D2E3F4A5B6C ')).toBe('r-0b5c8f2e3c1a4f7e9a521d2e3f4a5b6c');
  });

  it.each(['r-123', uuid, 'r-0b5c8f2e3c1a4f7e9a521d2e3f4a5b6g'])('refuses %s', (id) => {
    expect(resourceId.safeParse(id).error!.issues[0]!.message).toMatch(/r- followed by 32 hexadecimal digits/);
  });
});

describe('resource names', () => {
  it.each(['Boardroom', 'room_1.a-b', 'x'.repeat(20), 'room@example.com'])('accepts %s', (name) => {
    expect(resourceNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ['empty', ' ', /required/],
    ['21 characters', 'x'.repeat(21), /at most 20/],
    ['a space', 'Board room', /only letters, digits/],
    ['an accent', 'Salle-été', /only letters, digits/],
  ])('refuses %s', (_, name, message) => {
    expect(resourceNameSchema.safeParse(name).error!.issues[0]!.message).toMatch(message);
  });
});

describe('resource inputs', () => {
  it('CreateResourceInput: a type, an optional description (empty is none), reserved names refused', () => {
    expect(CreateResourceInput.parse({ organizationId, name: 'Room1', type: 'ROOM', description: '' })).toEqual({
      organizationId,
      name: 'Room1',
      type: 'ROOM',
      hiddenFromGlobalAddressList: false,
    });
    expect(CreateResourceInput.safeParse({ organizationId, name: 'Room1', type: 'CAR' }).error!.issues[0]).toMatchObject({ path: ['type'], message: 'Type must be ROOM or EQUIPMENT.' });
    expect(CreateResourceInput.safeParse({ organizationId, name: 'abuse', type: 'ROOM' }).error!.issues[0]!.message).toMatch(/reserved/);
  });

  it('UpdateResourceInput keeps what is left out, and an empty description', () => {
    const id = resourceIdOf(uuid);
    expect(UpdateResourceInput.parse({ organizationId, resourceId: id, description: '', bookingOptions: { autoAcceptRequests: false } })).toEqual({
      organizationId,
      resourceId: id,
      description: '',
      bookingOptions: { autoAcceptRequests: false },
    });
    expect(UpdateResourceInput.safeParse({ organizationId, resourceId: id, description: 'd'.repeat(65) }).error!.issues[0]!.message).toMatch(/at most 64/);
  });
});

describe('booking', () => {
  it('a resource answers requests by itself or has a delegate who does', () => {
    expect(bookingRefusal({ autoAcceptRequests: true }, 0, 'f')).toBeNull();
    expect(bookingRefusal({ autoAcceptRequests: false }, 1, 'f')).toBeNull();
    expect(bookingRefusal({ autoAcceptRequests: false }, 0, 'bookingOptions.autoAcceptRequests')).toMatchObject({
      code: 'RESOURCE.NEEDS_DELEGATE',
      details: { field: 'bookingOptions.autoAcceptRequests' },
    });
  });
});

describe('lifecycle', () => {
  it('follows that of groups, with its own codes', () => {
    expect(canEnableResource({ name: 'R', state: 'ENABLED', email: 'r@example.com' }, 'x@example.com')?.code).toBe('RESOURCE.ALREADY_REGISTERED');
    expect(canEnableResource({ name: 'R', state: 'DELETED' })?.code).toBe('RESOURCE.INVALID_STATE');
    expect(canDeleteResource({ name: 'R', state: 'ENABLED' })?.message).toBe('Resource "R" is enabled: disable it before deleting it.');
    expect(canDeleteResource({ name: 'R', state: 'DISABLED' })).toBeNull();
  });
});

import type { ResourceType } from '@mailyard/core/resources';

export const resourceTypeText: Record<ResourceType, string> = { ROOM: 'Room', EQUIPMENT: 'Equipment' };

import { z } from 'zod';

/**
 * Users, groups and mailboxes are identified by UUIDs. Any 8-4-4-4-12 hex form is accepted (what PostgreSQL's
 * `uuid` accepts), not only RFC 9562 versions, so ids from imports and fixtures are not refused here.
 */
export const entityId = z.guid('Id must be a UUID.');

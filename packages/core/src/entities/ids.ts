import { z } from 'zod';
import { text } from '../text/well-formed.ts';

/**
 * Users, groups and mailboxes are identified by UUIDs. Any 8-4-4-4-12 hex form is accepted (what PostgreSQL's
 * `uuid` accepts), not only RFC 9562 versions, so ids from imports and fixtures are not refused here. Lower-cased,
 * as PostgreSQL returns them, so ids compare equal in code too.
 */
export const entityId = z.guid('Id must be a UUID.').transform((id) => id.toLowerCase());

/**
 * WorkMail's EntityIdentifier: an entity's id, name or email address (`services/entities/resolve.ts` tells
 * which). Only the length is checked here; the /aws facade applies WorkMail's own pattern.
 */
export const entityIdentifier = text()
  .trim()
  .min(1, 'Identifier is required.')
  .max(256, 'Identifier must be at most 256 characters.');

import type { Operation } from '../operation.ts';
import * as accessControl from './access-control.ts';
import * as addresses from './addresses.ts';
import * as domains from './domains.ts';
import * as entities from './entities.ts';
import * as groups from './groups.ts';
import * as mailboxes from './mailboxes.ts';
import * as mobileAccess from './mobile-access.ts';
import * as organizations from './organizations.ts';
import * as permissions from './permissions.ts';
import * as resources from './resources.ts';
import * as tags from './tags.ts';
import * as users from './users.ts';

/**
 * Every supported WorkMail operation by its `X-Amz-Target` name (`WorkMailService.<name>`): each module of this
 * folder exports its operations under WorkMail's names, and nothing else.
 */
export const operations = new Map<string, Operation>(
  Object.entries({ ...organizations, ...users, ...addresses, ...mailboxes, ...permissions, ...groups, ...resources, ...domains, ...entities, ...tags, ...accessControl, ...mobileAccess }),
);

import { z } from 'zod';
import { entityId } from '@mailyard/core/entities';
import type { Page } from '@mailyard/core/pagination';
import { hasControlCharacters, type ListUsersInput, type UserSummary } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { listUsersPage } from '@mailyard/db/queries/users';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { text } from '@mailyard/core/text';

/** A cursor is not signed: what it carries goes into SQL only once it has the shape of a page key. */
const CursorKey = z.tuple([text().refine((k) => !hasControlCharacters(k)), entityId]);

/**
 * A page of the users list, system users included (the console labels them "System user"). Serves the console's
 * search box and state filter and WorkMail's ListUsers filters alike. The cursor is bound to the organization and
 * the filters, so replaying it against another list is refused.
 */
export async function listUsers(db: Db, actor: OperatorActor, input: ListUsersInput): Promise<Page<UserSummary>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const filters = {
    search: input.search,
    namePrefix: input.usernamePrefix,
    displayNamePrefix: input.displayNamePrefix,
    emailPrefix: input.primaryEmailPrefix,
    identityProviderUserIdPrefix: input.identityProviderUserIdPrefix,
    state: input.state,
  };
  const scope = `users:${org.id}:${JSON.stringify(filters)}`;
  const rows = await listUsersPage(db, { organizationId: org.id, ...filters, after: cursorKey(scope, input.cursor, CursorKey), limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, scope, (row) => [row.sortKey, row.id]);
  return { ...page, items: page.items.map(({ sortKey: _, ...user }) => user) };
}

import { z } from 'zod';
import type { DirectorySummary } from '@mailyard/core/directories';
import type { Page } from '@mailyard/core/pagination';
import { text } from '@mailyard/core/text';
import type { Db } from '@mailyard/db';
import { listLdapDirectoriesPage } from '@mailyard/db/queries/ldap-directories';
import type { OperatorActor } from '../actor.ts';
import { cursorKey, pageOf } from '../page.ts';

const DirectoryKey = z.tuple([text(), text()]);

/** The account's directories by name. */
export async function listDirectories(db: Db, actor: OperatorActor, input: { cursor?: string | undefined; limit: number }): Promise<Page<DirectorySummary>> {
  const scope = 'directories';
  const rows = await listLdapDirectoriesPage(db, { accountId: actor.accountId, after: cursorKey(scope, input.cursor, DirectoryKey), limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.name.toLowerCase(), row.id]);
}

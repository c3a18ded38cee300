import type { DirectoryDetail, DirectoryRef } from '@mailyard/core/directories';
import type { Db } from '@mailyard/db';
import type { OperatorActor } from '../actor.ts';
import { requireDirectory } from './require.ts';

export const getDirectory = (db: Db, actor: OperatorActor, input: DirectoryRef): Promise<DirectoryDetail> => requireDirectory(db, actor, input.directoryId);

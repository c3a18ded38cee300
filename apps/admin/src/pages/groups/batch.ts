import { useCallback, useState } from 'react';
import type { GroupSummary } from '@mailyard/core/groups';
import { errorInfo, type MailyardErrorInfo } from '../../lib/errors.ts';

export interface BatchFailure<T> {
  item: T;
  error: MailyardErrorInfo;
}

export interface BatchOutcome<T> {
  succeeded: T[];
  failed: BatchFailure<T>[];
}

/**
 * Runs one call per item, one after the other (each is its own transaction on the server), and reports progress:
 * the bulk actions of the groups list. A failure is kept with its item and the rest go on.
 */
export function useBatch() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = useCallback(async <T>(items: readonly T[], call: (item: T) => Promise<unknown>): Promise<BatchOutcome<T>> => {
    const outcome: BatchOutcome<T> = { succeeded: [], failed: [] };
    setProgress({ done: 0, total: items.length });
    for (const [index, item] of items.entries()) {
      try {
        await call(item);
        outcome.succeeded.push(item);
      } catch (error) {
        outcome.failed.push({ item, error: errorInfo(error) });
      }
      setProgress({ done: index + 1, total: items.length });
    }
    setProgress(null);
    return outcome;
  }, []);
  return { run, progress, running: progress !== null };
}

/** "1 group" / "3 groups". */
export const groupsCount = (n: number) => `${n} ${n === 1 ? 'group' : 'groups'}`;

/** What the groups list's bulk dialogs (enable, disable, delete) are given. */
export interface GroupsDialogProps {
  organizationId: string;
  /** The selected groups: each dialog acts on those its action applies to (core's `groupActionTargets`). */
  groups: readonly GroupSummary[];
  onDismiss: () => void;
  /** After the calls, with the groups that changed. */
  onDone: (changed: GroupSummary[]) => void;
}

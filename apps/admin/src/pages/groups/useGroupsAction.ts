import { groupActionTargets } from '@mailyard/core/groups';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPCClient } from '../../lib/trpc.ts';
import { useBatch, type GroupsDialogProps } from './batch.ts';
import { outcomeNotices } from './outcome.tsx';

const past = { disable: 'Disabled', delete: 'Deleted' } as const;

/**
 * Disabling or deleting the selected groups: the ones the action applies to (`targets`, the rest are `others`), one
 * call each; then a notice of what worked and what failed, and `onDone` with the groups that changed.
 */
export function useGroupsAction(action: 'disable' | 'delete', { organizationId, groups, onDone }: Omit<GroupsDialogProps, 'onDismiss'>) {
  const client = useTRPCClient();
  const { notify } = useNotifications();
  const batch = useBatch();
  const targets = groupActionTargets(groups)[action];
  const others = groups.filter((g) => !targets.includes(g));
  const run = async () => {
    const outcome = await batch.run(targets, (g) => client.groups[action].mutate({ organizationId, groupId: g.id }));
    outcomeNotices(action, past[action], outcome).forEach(notify);
    onDone(outcome.succeeded);
  };
  return { targets, others, run, progress: batch.progress, running: batch.running };
}

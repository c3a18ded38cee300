import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../lib/trpc.ts';

/** After a change to users: the lists, the user pages and their tabs (mailbox, activity) read the server again. */
export function useRefreshUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.users.pathFilter()),
        queryClient.invalidateQueries(trpc.mailboxes.pathFilter()),
        queryClient.invalidateQueries(trpc.activity.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}

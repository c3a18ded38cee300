import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from './trpc.ts';

const listeners = new Set<() => void>();

/** Called by the query client when any call finds the session gone. */
export function sessionEnded(): void {
  listeners.forEach((listener) => listener());
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets everything of the signed-out account and shows the sign-in page. */
export function useShowSignedOut(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    const meKey = trpc.portal.me.queryKey();
    queryClient.setQueryData(meKey, null);
    const me = queryClient.getQueryCache().find({ queryKey: meKey, exact: true });
    queryClient.removeQueries({ predicate: (query) => query !== me });
  }, [queryClient, trpc]);
}

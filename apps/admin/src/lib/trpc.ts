import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCContext, createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createMailyardClient, type AppRouter } from '@mailyard/client';
import { isSessionEnded } from './errors.ts';

/** The same client setup as scripts use (superjson, batching, timeout); the browser sends its session cookie. */
export const trpcClient = createMailyardClient({ url: '/trpc' });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * One QueryClient for the app. Any call that finds the session gone (expired, signed out elsewhere)
 * marks the operator as signed out, and the app shows the sign-in page in place.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (isSessionEnded(error)) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Client errors (4xx) will not change by retrying; network and server errors get two more tries.
        retry: (failures, error) => failures < 2 && !isClientError(error),
        refetchOnWindowFocus: true,
      },
    },
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Query keys and options outside React (cache updates from callbacks). */
export const optionsFor = (queryClient: QueryClient) => createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

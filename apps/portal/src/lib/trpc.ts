import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createMailyardClient, mailyardError, type AppRouter } from '@mailyard/client';

/** The same client setup as the admin console and scripts; the browser sends its session cookie. */
export const trpcClient = createMailyardClient({ url: '/trpc' });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The session is gone (expired, signed out elsewhere, account disabled): not a refused form. */
const sessionEnded = (error: unknown) => mailyardError(error)?.code === 'AUTH.REQUIRED';

/**
 * `onSessionEnded` runs when any call finds the session gone, so the portal returns to its sign-in page instead
 * of showing errors in every card. Refusals (4xx) are answers, not hiccups: they are not retried.
 */
export function createQueryClient(onSessionEnded: () => void = () => {}): QueryClient {
  const onError = (error: unknown) => {
    if (sessionEnded(error)) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 5_000, retry: (failures, error) => mailyardError(error)?.httpStatus == null && failures < 2 },
    },
  });
}

import { QueryClient } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createMailyardClient, type AppRouter } from '@mailyard/client';

/** The same client setup as the admin console and scripts; the browser sends its session cookie. */
export const trpcClient = createMailyardClient({ url: '/trpc' });

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });
}

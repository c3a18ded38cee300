import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Layout } from './Layout.tsx';
import { createQueryClient, trpcClient, TRPCProvider } from './lib/trpc.ts';

/** The self-service portal: API wiring and the page frame. Its pages arrive with their own issues. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Layout />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

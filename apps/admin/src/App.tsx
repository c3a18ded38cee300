import { I18nProvider } from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { hashKey, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Router } from 'wouter';
import { BASE } from './lib/navigation.ts';
import { NotificationsProvider } from './lib/notifications.tsx';
import { createQueryClient, optionsFor, trpcClient, TRPCProvider } from './lib/trpc.ts';
import { Session } from './Session.tsx';

/** Providers: Cloudscape strings, TanStack Query with the tRPC client, routing under `/admin`, notifications. */
export function App() {
  const [sessionEnded, setSessionEnded] = useState(false);
  const [queryClient] = useState(() => {
    const client = createQueryClient(() => {
      // The session ended on the server: show the sign-in page and forget the previous operator's data.
      const me = optionsFor(client).auth.me.queryKey();
      if (!client.getQueryData(me)) return;
      client.removeQueries({ predicate: (query) => query.queryHash !== hashKey(me) });
      client.setQueryData(me, null);
      setSessionEnded(true);
    });
    return client;
  });
  return (
    <I18nProvider locale="en" messages={[messages]}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <Router base={BASE}>
            <NotificationsProvider>
              <Session sessionEnded={sessionEnded} onSignedIn={() => setSessionEnded(false)} />
            </NotificationsProvider>
          </Router>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

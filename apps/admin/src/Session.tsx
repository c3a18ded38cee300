import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Redirect, Route, Switch } from 'wouter';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { Shell } from './layout/Shell.tsx';
import { TopBar } from './layout/TopBar.tsx';
import { useNotifications } from './lib/notifications.tsx';
import { PageProvider } from './lib/page.tsx';
import { useTRPC } from './lib/trpc.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { routes } from './routes.ts';

interface SessionProps {
  /** The previous session ended by itself (expired, revoked): the sign-in page says so. */
  sessionEnded: boolean;
  onSignedIn: () => void;
}

/** Signed out: the sign-in page, at whatever address was asked for. Signed in: the console. */
export function Session({ sessionEnded, onSignedIn }: SessionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  const me = useQuery(trpc.auth.me.queryOptions());
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        notifications.clear();
      },
    }),
  );

  if (me.isPending) {
    return (
      <>
        <TopBar />
        <Box textAlign="center" padding="xxxl" color="text-status-inactive">
          <Spinner size="large" /> <span className="visually-hidden">Loading</span>
        </Box>
      </>
    );
  }
  if (me.isError) {
    return (
      <>
        <TopBar />
        <main className="centered-panel">
          <ErrorAlert header="Mailyard is not reachable" error={me.error} onRetry={() => void me.refetch()} />
        </main>
      </>
    );
  }
  if (!me.data) return <SignInPage sessionEnded={sessionEnded} onSignedIn={onSignedIn} />;

  return (
    <PageProvider>
      <Shell operator={me.data} onSignOut={() => signOut.mutate()}>
        <Switch>
          <Route path="/">
            <Redirect to="/organizations" replace />
          </Route>
          {routes.map((route) => (
            <Route key={route.path} path={route.path} component={route.component} />
          ))}
          <Route component={NotFoundPage} />
        </Switch>
      </Shell>
    </PageProvider>
  );
}

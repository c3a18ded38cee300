import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Layout } from './Layout.tsx';
import { errorInfo } from './lib/errors.ts';
import { navigate, usePath } from './lib/router.tsx';
import { onSessionEnded, sessionEnded, useShowSignedOut } from './lib/session.ts';
import { createQueryClient, trpcClient, TRPCProvider, useTRPC } from './lib/trpc.ts';
import { AccountPage } from './pages/AccountPage.tsx';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';

/** The self-service portal: API wiring and the page frame. */
export function App() {
  const [queryClient] = useState(() => createQueryClient(sessionEnded));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Portal />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** Signed-out pages by address; otherwise the account page, or sign-in when there is no session. */
function Portal() {
  const path = usePath();
  const trpc = useTRPC();
  const showSignedOut = useShowSignedOut();
  useEffect(() => onSessionEnded(showSignedOut), [showSignedOut]);
  const signedOutPage = path === '/forgot' || path === '/reset';
  const me = useQuery({ ...trpc.portal.me.queryOptions(), enabled: !signedOutPage });
  useEffect(() => {
    if (path !== '/' && !signedOutPage) navigate('/', { replace: true });
  }, [path, signedOutPage]);

  if (path === '/forgot') return <Layout children={<ForgotPasswordPage />} />;
  if (path === '/reset') return <Layout children={<ResetPasswordPage />} />;
  if (me.isPending) return <Layout children={<p role="status">Loading…</p>} />;
  if (me.error) {
    return (
      <Layout>
        <h1 id="page-title">My account</h1>
        <p className="message message-error" role="alert">
          {errorInfo(me.error).message}
        </p>
        <button type="button" className="button" onClick={() => me.refetch()}>
          Try again
        </button>
      </Layout>
    );
  }
  if (!me.data) return <Layout children={<SignInPage />} />;
  return (
    <Layout signedInAs={me.data.primaryEmail}>
      <AccountPage account={me.data} />
    </Layout>
  );
}

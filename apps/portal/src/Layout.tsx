import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useShowSignedOut } from './lib/session.ts';
import { useTRPC } from './lib/trpc.ts';

/** The portal's frame: a banner with the product name (and, signed in, who and "Sign out"), and the main landmark. */
export function Layout({ children, signedInAs }: { children?: ReactNode; signedInAs?: string | null }) {
  // The account page uses the width of a desktop for two columns; the signed-out pages stay one narrow column.
  const column = signedInAs ? 'column column-wide' : 'column';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="banner">
        <div className={`${column} banner-inner`}>
          <span className="brand">Mailyard</span>
          <span className="brand-sub">My account</span>
          {signedInAs && <SignOut email={signedInAs} />}
        </div>
      </header>
      <main className={`${column} main`} id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

function SignOut({ email }: { email: string }) {
  const trpc = useTRPC();
  const showSignedOut = useShowSignedOut();
  const signOut = useMutation(trpc.portal.signOut.mutationOptions({ onSettled: showSignedOut }));
  return (
    <span className="banner-user">
      <span className="banner-email">{email}</span>
      <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </span>
  );
}

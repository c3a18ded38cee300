import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Section } from '../components/Section.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useShowSignedOut } from '../lib/session.ts';
import { useTRPC } from '../lib/trpc.ts';

export function SessionsSection({ sessions }: { sessions: number }) {
  const trpc = useTRPC();
  const showSignedOut = useShowSignedOut();
  const [confirming, setConfirming] = useState(false);
  const signOutEverywhere = useMutation(trpc.portal.signOutEverywhere.mutationOptions({ onSuccess: showSignedOut }));
  return (
    <Section id="sessions" title="Signed-in browsers">
      <p>
        {sessions > 1 ? `You are signed in to this page in ${sessions} browsers, this one included.` : 'You are signed in to this page in this browser only.'} Lost a device
        or signed in on a shared computer? Sign out everywhere, this browser included.
      </p>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Sign out everywhere
      </button>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        busy={signOutEverywhere.isPending}
        error={signOutEverywhere.error ? errorInfo(signOutEverywhere.error).message : null}
        onConfirm={() => signOutEverywhere.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>Every browser signed in to this page is signed out, this one too. Mail apps keep working until you change your password.</p>
      </ConfirmDialog>
    </Section>
  );
}

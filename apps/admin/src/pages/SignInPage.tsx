import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import LiveRegion from '@cloudscape-design/components/live-region';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SignInInput } from '@mailyard/core/auth';
import { TextField } from '../components/TextField.tsx';
import { TopBar } from '../layout/TopBar.tsx';
import { applyFieldErrors, errorInfo, type MailyardErrorInfo } from '../lib/errors.ts';
import { useTRPC } from '../lib/trpc.ts';

interface SignInPageProps {
  sessionEnded: boolean;
  onSignedIn: () => void;
}

/** Operator sign-in. Shown in place of any page while nobody is signed in. */
export function SignInPage({ sessionEnded, onSignedIn }: SignInPageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<MailyardErrorInfo | null>(null);
  const { control, handleSubmit, setError, setValue, setFocus } = useForm({
    resolver: zodResolver(SignInInput),
    defaultValues: { email: '', password: '' },
    mode: 'onTouched',
  });

  useEffect(() => {
    document.title = 'Sign in | Mailyard';
    setFocus('email');
  }, [setFocus]);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        onSignedIn();
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
      onError: (error) => {
        if (applyFieldErrors(error, setError, ['email', 'password'])) return;
        const info = errorInfo(error);
        setFailure(info);
        if (info.code === 'AUTH.INVALID_CREDENTIALS') {
          setValue('password', '');
          setFocus('password');
        }
      },
    }),
  );

  const submit = handleSubmit((input) => {
    setFailure(null);
    signIn.mutate(input);
  });

  return (
    <>
      <TopBar />
      <main className="centered-panel">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Form>
            <Container header={<Header variant="h1" description="Mailyard console for mail administrators">Sign in</Header>}>
              <SpaceBetween size="l">
                {sessionEnded && !failure && <Alert type="info">Your session has ended. Sign in again to continue.</Alert>}
                {failure && (
                  <LiveRegion assertive>
                    <FailureAlert failure={failure} />
                  </LiveRegion>
                )}
                <TextField control={control} name="email" label="Email address" type="email" inputMode="email" autoComplete="username" spellcheck={false} />
                <TextField control={control} name="password" label="Password" type="password" autoComplete="current-password" />
                <Button variant="primary" formAction="submit" fullWidth loading={signIn.isPending}>
                  Sign in
                </Button>
              </SpaceBetween>
            </Container>
          </Form>
        </form>
      </main>
    </>
  );
}

function FailureAlert({ failure }: { failure: MailyardErrorInfo }) {
  if (failure.code === 'AUTH.RATE_LIMITED') {
    return (
      <Alert type="warning" header="Too many sign-in attempts">
        {failure.message}
      </Alert>
    );
  }
  const header = failure.code === 'AUTH.INVALID_CREDENTIALS' ? 'Sign-in failed' : 'Could not sign in';
  return (
    <Alert type="error" header={header}>
      {failure.message}
    </Alert>
  );
}

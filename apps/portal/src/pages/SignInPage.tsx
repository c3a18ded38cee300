import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { PortalSignInInput } from '@mailyard/core/portal';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { useForm } from '../lib/form.ts';
import { Link, usePageTitle } from '../lib/router.tsx';
import { useTRPC } from '../lib/trpc.ts';

export function SignInPage() {
  usePageTitle('Sign in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm('sign-in', { email: '', password: '' });
  const signIn = useMutation(
    trpc.portal.signIn.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.portal.me.queryFilter()),
      onError: (error) => {
        form.fail(error);
        form.set({ password: '' });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse(PortalSignInInput);
    if (input) signIn.mutate(input);
  };

  return (
    <div className="narrow">
      <h1 id="page-title" tabIndex={-1}>
        Sign in to My account
      </h1>
      <p className="lead">Manage your password, recovery address, aliases and devices.</p>
      <form className="card form" noValidate onSubmit={submit}>
        <Message tone="error">{form.message}</Message>
        <Field
          label="Email address"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          hint="Your address or any of your aliases."
          {...form.field('email')}
        />
        <Field label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
        <button type="submit" className="button button-primary button-wide" disabled={signIn.isPending} aria-busy={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="form-foot">
          <Link to="/forgot">Forgot your password?</Link>
        </p>
      </form>
    </div>
  );
}

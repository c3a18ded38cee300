import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { RequestPasswordResetInput } from '@mailyard/core/portal';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { useForm } from '../lib/form.ts';
import { Link, usePageTitle } from '../lib/router.tsx';
import { useTRPC } from '../lib/trpc.ts';

/** "Forgot password": the answer is the same whether or not the address has an account, so it tells nobody anything. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot your password?');
  const trpc = useTRPC();
  const form = useForm('forgot', { email: '' });
  const request = useMutation(trpc.portal.reset.request.mutationOptions({ onError: (error) => form.fail(error) }));
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (request.isSuccess) sent.current?.focus();
  }, [request.isSuccess]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse(RequestPasswordResetInput);
    if (input) request.mutate(input);
  };

  return (
    <div className="narrow">
      <h1 id="page-title" tabIndex={-1}>
        Forgot your password?
      </h1>
      {request.isSuccess ? (
        <div className="card" ref={sent} tabIndex={-1}>
          <Message tone="success">{request.data.message}</Message>
          <p>No message? Check the spam folder of your recovery address. Without a recovery address, ask your mail administrator for a reset link.</p>
          <p>
            <Link to="/">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <form className="card form" noValidate onSubmit={submit}>
          <p>Enter your email address. If your account has a verified recovery address, we send a link there to choose a new password.</p>
          <Message tone="error">{form.message}</Message>
          <Field label="Email address" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} {...form.field('email')} />
          <button type="submit" className="button button-primary button-wide" disabled={request.isPending} aria-busy={request.isPending}>
            {request.isPending ? 'Sending…' : 'Send reset link'}
          </button>
          <p className="form-foot">
            <Link to="/">Back to sign in</Link>
          </p>
        </form>
      )}
    </div>
  );
}

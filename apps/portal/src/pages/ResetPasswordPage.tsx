import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CompletePasswordResetInput } from '@mailyard/core/portal';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { PasswordChecklist } from '../components/PasswordChecklist.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useForm } from '../lib/form.ts';
import { BASE, Link, usePageTitle } from '../lib/router.tsx';
import { useTRPC } from '../lib/trpc.ts';

/** The token of `/portal/reset#token=…`, read once; the fragment never reaches a server log or a Referer header. */
function takeToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const trpc = useTRPC();
  const [token] = useState(takeToken);
  const form = useForm('reset', { password: '', repeatPassword: '' });
  const check = useMutation(trpc.portal.reset.check.mutationOptions());
  const complete = useMutation(trpc.portal.reset.complete.mutationOptions({ onError: (error) => form.fail(error) }));
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Out of the address bar and the history: the link is a password until it is used.
    if (window.location.hash) window.history.replaceState(null, '', `${BASE}/reset`);
    check.mutate({ token });
    // Checked once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (complete.isSuccess) done.current?.focus();
  }, [complete.isSuccess]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse(CompletePasswordResetInput, { token, ...form.values });
    if (input) complete.mutate(input);
  };

  const linkRefused = check.error ?? (complete.error && errorInfo(complete.error).code === 'RESET.TOKEN_INVALID' ? complete.error : null);

  return (
    <div className="narrow">
      <h1 id="page-title" tabIndex={-1}>
        Choose a new password
      </h1>
      {complete.isSuccess ? (
        <div className="card" ref={done} tabIndex={-1}>
          <Message tone="success">Your password has been changed, and you have been signed out everywhere.</Message>
          <p>
            <Link to="/" className="button button-primary">
              Sign in with your new password
            </Link>
          </p>
        </div>
      ) : linkRefused ? (
        <div className="card">
          <Message tone="error">{errorInfo(linkRefused).message}</Message>
          <p>
            <Link to="/forgot">Ask for a new link</Link>
          </p>
        </div>
      ) : check.isPending || check.isIdle ? (
        <p role="status">Checking your link…</p>
      ) : (
        <form className="card form" noValidate onSubmit={submit}>
          <p>
            For <strong>{check.data?.email}</strong>. Choosing a new password signs you out on every device.
          </p>
          <Message tone="error">{form.message}</Message>
          <Field label="New password" type="password" autoComplete="new-password" describedBy="reset-rules" {...form.field('password')}>
            <PasswordChecklist id="reset-rules" password={form.values.password} />
          </Field>
          <Field label="Repeat new password" type="password" autoComplete="new-password" {...form.field('repeatPassword')} />
          <button type="submit" className="button button-primary button-wide" disabled={complete.isPending} aria-busy={complete.isPending}>
            {complete.isPending ? 'Saving…' : 'Set new password'}
          </button>
        </form>
      )}
    </div>
  );
}

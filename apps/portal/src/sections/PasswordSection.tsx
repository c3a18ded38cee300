import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { PASSWORD_HISTORY_DEPTH } from '@mailyard/core/passwords';
import { ChangePasswordInput } from '@mailyard/core/portal';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { PasswordChecklist } from '../components/PasswordChecklist.tsx';
import { Section } from '../components/Section.tsx';
import { useForm } from '../lib/form.ts';
import { useTRPC } from '../lib/trpc.ts';

export function PasswordSection() {
  const trpc = useTRPC();
  const form = useForm('password', { currentPassword: '', password: '', repeatPassword: '' });
  const change = useMutation(
    trpc.portal.changePassword.mutationOptions({
      onSuccess: () => form.reset(),
      onError: (error) => form.fail(error),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const input = form.parse(ChangePasswordInput);
    if (input) change.mutate(input);
  };
  const ended = change.data?.otherSessionsEnded ?? 0;

  return (
    <Section id="password" title="Password">
      <form className="form" noValidate onSubmit={submit}>
        <Message tone="success">
          {change.isSuccess &&
            `Your password was changed.${ended > 0 ? ` You were signed out on ${ended} other ${ended === 1 ? 'browser' : 'browsers'}.` : ''} Update it in your mail apps too.`}
        </Message>
        <Message tone="error">{form.message}</Message>
        <Field label="Current password" type="password" autoComplete="current-password" {...form.field('currentPassword')} />
        <Field label="New password" type="password" autoComplete="new-password" describedBy="password-rules" {...form.field('password')}>
          <PasswordChecklist id="password-rules" password={form.values.password} />
        </Field>
        <Field label="Repeat new password" type="password" autoComplete="new-password" {...form.field('repeatPassword')} />
        <p className="hint">It may not be one of your last {PASSWORD_HISTORY_DEPTH} passwords. Changing it signs you out everywhere else.</p>
        <button type="submit" className="button button-primary" disabled={change.isPending} aria-busy={change.isPending}>
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </Section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { RECOVERY_CODE_DIGITS, RECOVERY_CODE_MINUTES, RemoveRecoveryAddressInput, StartRecoveryAddressInput, VerifyRecoveryAddressInput, type MyAccount } from '@mailyard/core/portal';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { Section } from '../components/Section.tsx';
import { useForm } from '../lib/form.ts';
import { formatDateTime } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

/**
 * The personal address a reset link goes to. It counts only once the code sent to it comes back; replacing or
 * removing it needs the current password (and the old address is told).
 */
export function RecoverySection({ recovery }: { recovery: MyAccount['recovery'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.portal.me.queryFilter());
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Once a code is on its way, the code field (rendered when the pending address arrives) takes the focus.
  const [codesSent, setCodesSent] = useState(0);
  useEffect(() => {
    if (codesSent > 0) document.getElementById('recovery-code-code')?.focus();
  }, [codesSent, recovery.pendingEmail]);

  const start = useForm('recovery', { email: '', currentPassword: '' });
  const verify = useForm('recovery-code', { code: '' });
  const remove = useForm('recovery-remove', { currentPassword: '' });

  const startCode = useMutation(
    trpc.portal.recovery.start.mutationOptions({
      onSuccess: async () => {
        start.reset();
        verify.reset();
        setEditing(false);
        await refresh();
        setCodesSent((n) => n + 1);
      },
      onError: (error) => start.fail(error),
    }),
  );
  const confirmCode = useMutation(
    trpc.portal.recovery.verify.mutationOptions({
      onSuccess: async ({ email }) => {
        verify.reset();
        setDone(`${email} is now your recovery address.`);
        await refresh();
      },
      onError: (error) => verify.fail(error),
    }),
  );
  const removeAddress = useMutation(
    trpc.portal.recovery.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(false);
        remove.reset();
        setDone('Your recovery address was removed.');
        await refresh();
      },
      onError: (error) => remove.fail(error),
    }),
  );

  const submitStart = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const input = start.parse(StartRecoveryAddressInput, {
      email: start.values.email,
      ...(recovery.email ? { currentPassword: start.values.currentPassword } : {}),
    });
    if (input) startCode.mutate(input);
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const input = verify.parse(VerifyRecoveryAddressInput);
    if (input) confirmCode.mutate(input);
  };
  const confirmRemove = () => {
    const input = remove.parse(RemoveRecoveryAddressInput);
    if (input) removeAddress.mutate(input);
  };

  const showStartForm = editing || (!recovery.email && !recovery.pendingEmail);

  return (
    <Section id="recovery" title="Recovery address">
      <Message tone="success">{done}</Message>
      {recovery.email ? (
        <p>
          Reset links go to <strong>{recovery.email}</strong>
          <span className="muted"> — confirmed {formatDateTime(recovery.verifiedAt)}</span>.
        </p>
      ) : (
        <p>You have no recovery address yet. With one, you can reset a forgotten password yourself.</p>
      )}

      {recovery.pendingEmail && !editing && (
        <form className="form subform" noValidate onSubmit={submitCode}>
          <p>
            We sent a {RECOVERY_CODE_DIGITS}-digit code to <strong>{recovery.pendingEmail}</strong>. It works for {RECOVERY_CODE_MINUTES} minutes.
          </p>
          <Message tone="error">{verify.message}</Message>
          <Field
            label="Code from the email"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={RECOVERY_CODE_DIGITS}
            className="code-input"
            {...verify.field('code')}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={confirmCode.isPending} aria-busy={confirmCode.isPending}>
              {confirmCode.isPending ? 'Checking…' : 'Confirm address'}
            </button>
            <button type="button" className="button button-link" onClick={() => setEditing(true)}>
              Use another address or send a new code
            </button>
          </div>
        </form>
      )}

      {showStartForm ? (
        <form className="form subform" noValidate onSubmit={submitStart}>
          <Message tone="error">{start.message}</Message>
          <Field
            label={recovery.email ? 'New recovery address' : 'Recovery address'}
            type="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            hint="A personal address outside your organization, such as your private mail."
            {...start.field('email')}
          />
          {recovery.email && <Field label="Current password" type="password" autoComplete="current-password" {...start.field('currentPassword')} />}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={startCode.isPending} aria-busy={startCode.isPending}>
              {startCode.isPending ? 'Sending…' : 'Send code'}
            </button>
            {editing && (
              <button type="button" className="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      ) : (
        recovery.email &&
        !recovery.pendingEmail && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Change recovery address
            </button>
            <button type="button" className="button button-quiet-danger" onClick={() => setRemoving(true)}>
              Remove
            </button>
          </div>
        )
      )}

      <ConfirmDialog
        open={removing}
        title="Remove your recovery address?"
        confirmLabel="Remove"
        busy={removeAddress.isPending}
        error={remove.message}
        onConfirm={confirmRemove}
        onCancel={() => {
          setRemoving(false);
          remove.reset();
        }}
      >
        <p>Without it, only your administrator can help you when you forget your password. {recovery.email} will be told.</p>
        <Field label="Current password" type="password" autoComplete="current-password" {...remove.field('currentPassword')} />
      </ConfirmDialog>
    </Section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { AddOwnAliasInput } from '@mailyard/core/portal';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { Message } from '../components/Message.tsx';
import { Section } from '../components/Section.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useForm } from '../lib/form.ts';
import { useTRPC } from '../lib/trpc.ts';

const aliasCount = (n: number) => `${n} ${n === 1 ? 'alias' : 'aliases'}`;

/** The primary address and the aliases; users add and remove aliases within the organization's policy. */
export function AddressesSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addresses = useQuery(trpc.portal.aliases.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.portal.aliases.list.queryFilter());
  const form = useForm('alias', { localPart: '', domain: '' });
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const add = useMutation(
    trpc.portal.aliases.add.mutationOptions({
      onSuccess: async ({ address }) => {
        form.reset({ domain: form.values.domain });
        setDone(`${address} was added. Mail to it reaches you, and you can sign in with it.`);
        await refresh();
      },
      onError: (error) => form.fail(error),
    }),
  );
  const remove = useMutation(
    trpc.portal.aliases.remove.mutationOptions({
      onSuccess: async ({ address }) => {
        setRemoving(null);
        setDone(`${address} was removed.`);
        await refresh();
      },
    }),
  );

  if (addresses.isPending) {
    return (
      <Section id="addresses" title="Email addresses">
        <p role="status">Loading…</p>
      </Section>
    );
  }
  if (addresses.error) {
    return (
      <Section id="addresses" title="Email addresses">
        <p className="message message-error">{errorInfo(addresses.error).message}</p>
      </Section>
    );
  }
  const { primary, aliases, policy } = addresses.data;
  const domain = form.values.domain || policy.domains[0] || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const input = form.parse(AddOwnAliasInput, { localPart: form.values.localPart, domain });
    if (input) add.mutate(input);
  };

  return (
    <Section id="addresses" title="Email addresses">
      <Message tone="success">{done}</Message>
      <dl className="facts">
        <dt>Primary address</dt>
        <dd>
          <strong>{primary ?? '—'}</strong> <span className="muted small">(mail you send comes from it)</span>
        </dd>
      </dl>
      <h3 className="subhead">Aliases</h3>
      {aliases.length === 0 ? (
        <p className="muted">No aliases.</p>
      ) : (
        <ul className="rows" aria-label="Aliases">
          {aliases.map((a) => (
            <li key={a.address} className="row">
              <span className="row-main">
                <span className="address">{a.address}</span>
                <span className="muted small">{a.origin === 'self_service' ? 'Added by you' : 'Set up by your administrator'}</span>
              </span>
              {policy.allowed && (
                <button type="button" className="button button-small" onClick={() => setRemoving(a.address)} aria-label={`Remove ${a.address}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {!policy.allowed ? (
        <p className="muted">Your organization does not let you add aliases yourself. Ask your administrator if you need one.</p>
      ) : (
        <form className="form subform" noValidate onSubmit={submit} aria-labelledby="alias-add-title">
          <h3 className="subhead" id="alias-add-title">
            Add an alias
          </h3>
          <p className="hint" id="alias-policy">
            {policy.remaining > 0 ? `You can add ${policy.remaining} more (up to ${aliasCount(policy.maxPerUser)} in all).` : `You have reached the limit of ${aliasCount(policy.maxPerUser)}.`}
            {policy.localPartPattern && ` The part before the @ must match: ${policy.localPartPattern}`}
          </p>
          <Message tone="error">{form.message}</Message>
          <div className="alias-inputs">
            <Field
              label="Alias"
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              describedBy="alias-policy"
              {...form.field('localPart')}
            />
            <span className="at" aria-hidden="true">
              @
            </span>
            <div className={form.errors.domain ? 'field field-invalid' : 'field'}>
              <label htmlFor="alias-domain">Domain</label>
              {form.errors.domain && (
                <p className="field-error" id="alias-domain-error">
                  {form.errors.domain}
                </p>
              )}
              <select
                id="alias-domain"
                value={domain}
                onChange={(e) => form.set({ domain: e.target.value })}
                aria-invalid={form.errors.domain ? true : undefined}
                aria-describedby={form.errors.domain ? 'alias-domain-error' : undefined}
              >
                {policy.domains.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button button-primary" disabled={add.isPending} aria-busy={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add alias'}
          </button>
        </form>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing ?? ''}?`}
        confirmLabel="Remove alias"
        busy={remove.isPending}
        error={remove.error ? errorInfo(remove.error).message : null}
        onConfirm={() => removing && remove.mutate({ address: removing })}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>Mail sent to it will no longer reach you, and someone else may take the address.</p>
      </ConfirmDialog>
    </Section>
  );
}

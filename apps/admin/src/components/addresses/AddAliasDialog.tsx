import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useController, useForm } from 'react-hook-form';
import { AddAliasInput } from '@mailyard/core/addresses';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { AddressField, type AddressFieldProps } from './AddressField.tsx';
import type { AddressOwner } from './owner.ts';

interface AddAliasDialogProps {
  owner: AddressOwner;
  header: string;
  /** Who the alias reaches, under the field's label. */
  description: string;
  placeholder: string;
  layout: AddressFieldProps['layout'];
  domains: readonly string[];
  defaultDomain: string | null;
  onClose(): void;
}

/** "Add alias": the part before the @ typed, a domain of the organization chosen — the owner's own domain first. */
export function AddAliasDialog({ owner, header, description, placeholder, layout, domains, defaultDomain, onClose }: AddAliasDialogProps) {
  const { notify } = useNotifications();
  const ownDomain = owner.email?.split('@')[1];
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(AddAliasInput),
    criteriaMode: 'all',
    defaultValues: { organizationId: owner.organizationId, entityId: owner.id, localPart: '', domain: ownDomain && domains.includes(ownDomain) ? ownDomain : (defaultDomain ?? '') },
  });
  const localPart = useController({ control, name: 'localPart' });
  const domain = useController({ control, name: 'domain' });

  const add = useMutation({
    mutationFn: (input: AddAliasInput) => owner.calls.addAlias.mutate(input),
    onSuccess: async ({ address }) => {
      await owner.refresh();
      notify({ id: owner.noticeId, type: 'success', content: `The alias ${address} was added to ${owner.label}.` });
      onClose();
    },
  });
  const { send, failure } = formMutation(add, setError, ['localPart', 'domain']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header={header}
      primaryLabel="Add alias"
      pending={add.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The alias was not added"
      onClose={onClose}
    >
      <AddressField
        layout={layout}
        label="Alias"
        description={description}
        name={localPart.field.name}
        inputRef={localPart.field.ref}
        localPart={localPart.field.value}
        domain={domain.field.value || (defaultDomain ?? '')}
        domains={domains}
        placeholder={placeholder}
        errorText={fieldMessages(localPart.fieldState.error ?? domain.fieldState.error)}
        invalid={layout === 'inline' ? { localPart: Boolean(localPart.fieldState.error), domain: Boolean(domain.fieldState.error) } : undefined}
        onLocalPartChange={localPart.field.onChange}
        onDomainChange={domain.field.onChange}
        onBlur={localPart.field.onBlur}
      />
    </FormDialog>
  );
}

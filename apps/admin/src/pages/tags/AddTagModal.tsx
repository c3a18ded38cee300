import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { Tag, TAG_KEY_MAX, TAG_VALUE_MAX } from '@mailyard/core/organizations';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** The server names a tag's fields by their place in the list it was sent: this form sends one. */
const formField = (serverField: string) => ({ 'tags.0.key': 'key', 'tags.0.value': 'value' } as const)[serverField];

/** "Add tag": a key and a value, checked as the server checks them; a key the organization has gets the new value. */
export function AddTagModal({ organizationId, existing, onDismiss }: { organizationId: string; existing: readonly Tag[]; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(Tag), defaultValues: { key: '', value: '' } });
  const key = useWatch({ control, name: 'key' });
  const current = existing.find((t) => t.key === key);
  const tag = useMutation(
    trpc.organizations.tag.mutationOptions({
      onSuccess: async (_, { tags: [added] }) => {
        notify({ id: `tag-${added!.key}`, type: 'success', content: `Tag ${added!.key} was ${current ? 'changed' : 'added'}.` });
        await queryClient.invalidateQueries(trpc.organizations.listTags.queryFilter({ organizationId }));
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(tag, setError, formField);
  const submit = handleSubmit((values) => send({ organizationId, tags: [values] }));
  return (
    <FormDialog
      header="Add tag"
      primaryLabel={current ? 'Change value' : 'Add tag'}
      pending={tag.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The tag was not saved"
      onClose={onDismiss}
    >
      <TextField
        control={control}
        name="key"
        label="Key"
        constraintText={
          current
            ? `This organization has this key: its value "${current.value}" will be replaced.`
            : `1–${TAG_KEY_MAX} characters: letters, digits, spaces and _ . : / = + - @. Keys starting with "aws:" are reserved.`
        }
        autoFocus
        autoComplete={false}
        spellcheck={false}
      />
      <TextField control={control} name="value" label="Value" constraintText={`Up to ${TAG_VALUE_MAX} characters, the same ones; may be empty.`} autoComplete={false} />
    </FormDialog>
  );
}

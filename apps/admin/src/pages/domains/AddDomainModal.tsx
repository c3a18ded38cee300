import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { displayDomain, RegisterMailDomainInput } from '@mailyard/core/mail-domains';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { domainPath } from './paths.ts';

/** "Add domain": a domain the organization owns; the form checks the name as the server will, then shows its records. */
export function AddDomainModal({ organizationId, onDismiss }: { organizationId: string; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const navigate = useNavigate();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(RegisterMailDomainInput),
    defaultValues: { organizationId, domainName: '' },
  });
  const register = useMutation(
    trpc.domains.register.mutationOptions({
      onSuccess: async ({ domain }) => {
        notify({ id: `domain-added-${domain}`, type: 'success', content: `Domain ${displayDomain(domain)} was added. Publish its DNS records to verify it.` });
        await queryClient.invalidateQueries(trpc.organizations.get.queryFilter({ organizationId }));
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
        navigate(domainPath(organizationId, domain));
      },
    }),
  );
  const { send, failure } = formMutation(register, setError, ['domainName']);
  const submit = handleSubmit(send);
  return (
    <FormDialog
      header="Add domain"
      primaryLabel="Add domain"
      pending={register.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The domain was not added"
      onClose={onDismiss}
    >
      <TextField
        control={control}
        name="domainName"
        label="Domain name"
        description="A domain you own, such as example.com or mail.example.com. Internationalized names (bücher.de) are fine."
        constraintText="Addresses can use it once its ownership record is found in DNS."
        placeholder="example.com"
        autoFocus
        autoComplete={false}
        spellcheck={false}
      />
    </FormDialog>
  );
}

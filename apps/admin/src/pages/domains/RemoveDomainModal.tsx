import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { displayDomain } from '@mailyard/core/mail-domains';
import { DialogShell } from '../../components/DialogShell.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** "Remove domain": confirmed, refused by the server while addresses use the domain (the message says how many). */
export function RemoveDomainModal({ organizationId, domain, onDismiss, onRemoved }: { organizationId: string; domain: string; onDismiss: () => void; onRemoved?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const shown = displayDomain(domain);
  const remove = useMutation(
    trpc.domains.deregister.mutationOptions({
      onSuccess: async () => {
        notify({ id: `domain-removed-${domain}`, type: 'success', content: `Domain ${shown} was removed.` });
        await queryClient.invalidateQueries(trpc.organizations.get.queryFilter({ organizationId }));
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
        onRemoved?.();
      },
    }),
  );
  return (
    <DialogShell
      header={`Remove ${shown}?`}
      primaryLabel="Remove"
      pending={remove.isPending}
      onPrimary={() => remove.mutate({ organizationId, domainName: domain })}
      onClose={onDismiss}
    >
      <Box variant="p">
        Mail for <strong>{shown}</strong> will no longer be accepted, and its DKIM keys are deleted. Addresses on it must be removed first.
      </Box>
      {remove.error && (
        <Alert type="error" header="The domain was not removed">
          {errorInfo(remove.error).message}
        </Alert>
      )}
    </DialogShell>
  );
}

import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccessControlRule } from '@mailyard/core/access-control';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** "Delete rule", confirmed; warns when it is the last rule that allows, which leaves everyone denied (as in WorkMail). */
export function DeleteRuleDialog({ organizationId, rule, lastAllow, onDismiss }: { organizationId: string; rule: AccessControlRule; lastAllow: boolean; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const remove = useMutation(
    trpc.accessRules.delete.mutationOptions({
      onSuccess: async () => {
        notify({ id: `access-rule-deleted-${rule.name}`, type: 'success', content: `Rule ${rule.name} was deleted.` });
        // The evaluate panel's answer was the old rules'.
        await queryClient.invalidateQueries(trpc.accessRules.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  return (
    <ConfirmDialog
      header={`Delete rule ${rule.name}?`}
      confirmText="Delete"
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate({ organizationId, name: rule.name })}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="s">
        <Box variant="p">
          The rule <strong>{rule.name}</strong> stops applying at the next sign-in, in the portal, on phones and at the mail servers.
        </Box>
        {lastAllow && (
          <Alert type="warning" header="No rule will allow access">
            This is the last rule that allows. Without one, every user of the organization is refused everywhere, as in WorkMail.
          </Alert>
        )}
      </SpaceBetween>
    </ConfirmDialog>
  );
}

import Box from '@cloudscape-design/components/box';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tag } from '@mailyard/core/organizations';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** "Remove tags": the selected tags, confirmed. */
export function RemoveTagsModal({ organizationId, tags, onDismiss, onRemoved }: { organizationId: string; tags: readonly Tag[]; onDismiss: () => void; onRemoved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const named = tags.length === 1 ? `tag ${tags[0]!.key}` : `${tags.length} tags`;
  const untag = useMutation(
    trpc.organizations.untag.mutationOptions({
      onSuccess: async () => {
        notify({ id: `tags-removed-${tags.map((t) => t.key).join(',')}`, type: 'success', content: `Removed ${named}.` });
        await queryClient.invalidateQueries(trpc.organizations.listTags.queryFilter({ organizationId }));
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
        onRemoved();
      },
    }),
  );
  return (
    <ConfirmDialog
      header={`Remove ${named}?`}
      confirmText="Remove"
      loading={untag.isPending}
      error={untag.error}
      onConfirm={() => untag.mutate({ organizationId, keys: tags.map((t) => t.key) })}
      onDismiss={onDismiss}
    >
      <Box variant="p">
        {tags.length === 1 ? (
          <>
            The tag <strong>{tags[0]!.key}</strong> is removed from the organization.
          </>
        ) : (
          <>The tags {tags.map((t) => t.key).join(', ')} are removed from the organization.</>
        )}
      </Box>
    </ConfirmDialog>
  );
}

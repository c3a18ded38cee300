import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenSummary } from '@mailyard/core/api-tokens';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

/** "Revoke": the token is refused from now on; revoking cannot be undone. */
export function RevokeApiTokenModal({ token, onDismiss }: { token: ApiTokenSummary; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [failure, setFailure] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: async () => {
        notify({ id: `api-token-revoked-${token.id}`, type: 'success', content: `API token ${token.name} was revoked.` });
        await queryClient.invalidateQueries(trpc.apiTokens.list.pathFilter());
        onDismiss();
      },
      onError: (error) => setFailure(errorInfo(error).message),
    }),
  );
  return (
    <DialogShell
      header={`Revoke API token ${token.name}?`}
      primaryLabel="Revoke"
      pending={revoke.isPending}
      lockWhilePending={false}
      onPrimary={() => revoke.mutate({ tokenId: token.id })}
      onClose={onDismiss}
    >
      <SpaceBetween size="m">
        {failure && <Alert type="error">{failure}</Alert>}
        <Box variant="p">
          Every request with the token <span className="secret-value">{token.prefix}…</span> is refused from now on. Scripts using it stop
          working at once. A revoked token cannot be restored: create a new one if you need access again.
        </Box>
      </SpaceBetween>
    </DialogShell>
  );
}

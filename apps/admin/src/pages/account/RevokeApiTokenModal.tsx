import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import type { ApiTokenSummary } from '@mailyard/core/api-tokens';
import { errorInfo } from '../../lib/errors.ts';
import { useAfterChange } from '../../lib/after-change.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

/** "Revoke": the token is refused from now on; revoking cannot be undone. */
export function RevokeApiTokenModal({ token, onDismiss }: { token: ApiTokenSummary; onDismiss: () => void }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: afterChange({ id: `api-token-revoked-${token.id}`, type: 'success', content: `API token ${token.name} was revoked.` }, trpc.apiTokens.list.pathFilter(), onDismiss),
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
        {revoke.error && <Alert type="error">{errorInfo(revoke.error).message}</Alert>}
        <Box variant="p">
          Every request with the token <span className="secret-value">{token.prefix}…</span> is refused from now on. Scripts using it stop
          working at once. A revoked token cannot be restored: create a new one if you need access again.
        </Box>
      </SpaceBetween>
    </DialogShell>
  );
}

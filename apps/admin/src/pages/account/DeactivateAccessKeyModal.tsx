import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { AccessKeySummary } from '@mailyard/core/access-keys';
import { DialogShell } from '../../components/DialogShell.tsx';

interface Props {
  accessKey: AccessKeySummary;
  pending: boolean;
  failure: string | null;
  onConfirm: () => void;
  onDismiss: () => void;
}

/** "Deactivate": requests signed with the key are refused until it is activated again. */
export function DeactivateAccessKeyModal({ accessKey, pending, failure, onConfirm, onDismiss }: Props) {
  return (
    <DialogShell
      header={`Deactivate access key ${accessKey.accessKeyId}?`}
      primaryLabel="Deactivate"
      pending={pending}
      lockWhilePending={false}
      onPrimary={onConfirm}
      onClose={onDismiss}
    >
      <SpaceBetween size="m">
        {failure && <Alert type="error">{failure}</Alert>}
        <Box variant="p">
          Every request signed with this key is refused until you activate it again. Scripts and services using it stop working at once.
        </Box>
      </SpaceBetween>
    </DialogShell>
  );
}

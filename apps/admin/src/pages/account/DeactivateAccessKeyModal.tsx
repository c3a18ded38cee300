import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { AccessKeySummary } from '@mailyard/core/access-keys';

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
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Deactivate access key ${accessKey.accessKeyId}?`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" onClick={onConfirm} loading={pending}>
              Deactivate
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {failure && <Alert type="error">{failure}</Alert>}
        <Box variant="p">
          Every request signed with this key is refused until you activate it again. Scripts and services using it stop working at once.
        </Box>
      </SpaceBetween>
    </Modal>
  );
}

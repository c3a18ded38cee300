import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { OutboxEntry } from '@mailyard/core/notices';
import { formatDateTime } from '../../lib/format.ts';
import { kindLabel, OutboxStatus } from './status.tsx';

/** One notice as it was (or would have been) sent: headers and the plain-text body. */
export function NoticeModal({ notice, onDismiss }: { notice: OutboxEntry; onDismiss: () => void }) {
  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header={notice.subject}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'To', value: notice.to },
            { label: 'Kind', value: kindLabel(notice.kind) },
            { label: 'Status', value: <OutboxStatus entry={notice} /> },
            { label: 'Created', value: formatDateTime(notice.createdAt) },
            { label: 'Sent', value: formatDateTime(notice.sentAt) },
            ...(notice.lastError ? [{ label: 'Last delivery error', value: notice.lastError }] : []),
          ]}
        />
        <pre className="notice-body">{notice.body}</pre>
      </SpaceBetween>
    </Modal>
  );
}

import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';
import type { CreatedKey } from './CreateAccessKeyModal.tsx';
import { SecretValue } from './SecretValue.tsx';

/** The endpoint the AWS SDK and CLI are pointed at: this server's `/aws`. */
export const awsEndpoint = () => `${window.location.origin}/aws`;

function downloadCsv(key: CreatedKey) {
  const csv = `Access key ID,Secret access key\n${key.accessKeyId},${key.secretAccessKey}\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${key.accessKeyId}_accessKeys.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Shown once after "Create access key": the only time the secret can be read, copied or downloaded. */
export function AccessKeySecretModal({ accessKey, onDismiss }: { accessKey: CreatedKey; onDismiss: () => void }) {
  const trpc = useTRPC();
  const region = useQuery(trpc.organizations.setupDefaults.queryOptions(undefined, { staleTime: Infinity })).data?.region ?? 'us-east-1';
  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header="Access key created"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="download" onClick={() => downloadCsv(accessKey)}>
              Download .csv file
            </Button>
            <Button variant="primary" onClick={onDismiss}>
              Done
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        <Alert type="warning" header="Copy the secret access key now">
          This is the only time the secret access key can be viewed or downloaded. You cannot recover it later. If you lose it, create a new
          access key and delete this one.
        </Alert>
        <KeyValuePairs
          columns={1}
          items={[
            { label: 'Access key ID', value: <SecretValue value={accessKey.accessKeyId} label="Access key ID" /> },
            { label: 'Secret access key', value: <SecretValue value={accessKey.secretAccessKey} label="Secret access key" /> },
            { label: 'Endpoint', value: <SecretValue value={awsEndpoint()} label="Endpoint" /> },
            { label: 'Description', value: accessKey.description || '-' },
          ]}
        />
        <div>
          <Box variant="h4" padding={{ bottom: 'xs' }}>
            Try it with the AWS CLI
          </Box>
          <pre className="code-sample">{[
            `export AWS_ACCESS_KEY_ID=${accessKey.accessKeyId}`,
            'export AWS_SECRET_ACCESS_KEY=<the secret access key>',
            `aws workmail list-organizations --region ${region} --endpoint-url ${awsEndpoint()}`,
          ].join('\n')}</pre>
        </div>
      </SpaceBetween>
    </Modal>
  );
}

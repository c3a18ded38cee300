import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ApiTokenSummary } from '@mailyard/core/api-tokens';
import { SecretValue } from './SecretValue.tsx';

/** Shown once after "Create API token": the token itself, which is never shown again. */
export function ApiTokenCreatedModal({ token, apiToken, onDismiss }: { token: string; apiToken: ApiTokenSummary; onDismiss: () => void }) {
  const url = `${window.location.origin}/trpc`;
  return (
    <Modal
      visible
      size="large"
      onDismiss={onDismiss}
      header={`API token ${apiToken.name} created`}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Done
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="l">
        <Alert type="warning" header="Copy the token now">
          This is the only time the token can be viewed. Mailyard keeps only a hash of it, so it cannot be shown again. If you lose it, revoke it
          and create a new one.
        </Alert>
        <KeyValuePairs
          columns={1}
          items={[
            { label: 'API token', value: <SecretValue value={token} label="API token" /> },
            { label: 'Endpoint', value: <SecretValue value={url} label="Endpoint" /> },
          ]}
        />
        <div>
          <Box variant="h4" padding={{ bottom: 'xs' }}>
            Use it with the typed client
          </Box>
          <pre className="code-sample">{[
            "import { createMailyardClient } from '@mailyard/client';",
            '',
            `const mailyard = createMailyardClient({ url: '${url}', token: process.env.MAILYARD_TOKEN });`,
            'const { items } = await mailyard.organizations.list.query({});',
          ].join('\n')}</pre>
        </div>
      </SpaceBetween>
    </Modal>
  );
}

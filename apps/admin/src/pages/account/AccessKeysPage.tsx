import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ACCESS_KEYS_PER_ACCOUNT, type AccessKeySummary, type AccessKeyStatus as Status } from '@mailyard/core/access-keys';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AccessKeySecretModal } from './AccessKeySecretModal.tsx';
import { AccessKeyStatus } from './AccessKeyStatus.tsx';
import { CreateAccessKeyModal, type CreatedKey } from './CreateAccessKeyModal.tsx';
import { DeactivateAccessKeyModal } from './DeactivateAccessKeyModal.tsx';
import { DeleteAccessKeyModal } from './DeleteAccessKeyModal.tsx';

type Dialog = 'create' | 'deactivate' | 'delete' | null;

/** The account's access keys for the WorkMail-compatible API (`/aws`): create, deactivate, activate, delete. */
export function AccessKeysPage() {
  usePage('Access keys', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Access keys', href: href('/access-keys') },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const list = useQuery(trpc.accessKeys.list.queryOptions());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [statusFailure, setStatusFailure] = useState<string | null>(null);
  const keys = list.data ?? [];
  const selected = keys.find((k) => k.accessKeyId === selectedId) ?? null;
  const full = keys.length >= MAX_ACCESS_KEYS_PER_ACCOUNT;

  const setStatus = useMutation(
    trpc.accessKeys.setStatus.mutationOptions({
      onSuccess: async (key) => {
        notify({
          id: `access-key-status-${key.accessKeyId}`,
          type: 'success',
          content: `Access key ${key.accessKeyId} is ${key.status === 'Active' ? 'active again' : 'inactive: requests signed with it are refused'}.`,
        });
        setDialog(null);
        await queryClient.invalidateQueries(trpc.accessKeys.list.pathFilter());
      },
      onError: (error, input) => {
        if (input.status === 'Inactive') setStatusFailure(errorInfo(error).message);
        else notify({ id: `access-key-status-${input.accessKeyId}`, type: 'error', content: errorInfo(error).message });
      },
    }),
  );
  const changeStatus = (status: Status) => selected && setStatus.mutate({ accessKeyId: selected.accessKeyId, status });

  if (list.isError && !list.data) {
    return <ErrorAlert header="Access keys could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }
  const createButton = (
    <Button
      variant="primary"
      disabled={full}
      disabledReason={`An account can have at most ${MAX_ACCESS_KEYS_PER_ACCOUNT} access keys. Delete one you no longer use.`}
      onClick={() => setDialog('create')}
    >
      Create access key
    </Button>
  );

  return (
    <>
      <Table<AccessKeySummary>
        variant="full-page"
        trackBy="accessKeyId"
        items={keys}
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.accessKeyId ?? null)}
        ariaLabels={{ selectionGroupLabel: 'Access key selection', itemSelectionLabel: (_, k) => `Select access key ${k.accessKeyId}` }}
        loading={list.isPending}
        loadingText="Loading access keys"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={list.isPending ? undefined : `(${keys.length}/${MAX_ACCESS_KEYS_PER_ACCOUNT})`}
            description="Access keys sign requests to the WorkMail-compatible API (/aws) with AWS Signature Version 4, for the AWS SDKs and CLI. A key acts as the operator who created it."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh access keys" loading={list.isRefetching} onClick={() => void list.refetch()} />
                <Button disabled={!selected} onClick={() => setDialog('delete')}>
                  Delete
                </Button>
                {selected?.status === 'Inactive' ? (
                  <Button loading={setStatus.isPending} onClick={() => changeStatus('Active')}>
                    Activate
                  </Button>
                ) : (
                  <Button
                    disabled={!selected}
                    onClick={() => {
                      setStatusFailure(null);
                      setDialog('deactivate');
                    }}
                  >
                    Deactivate
                  </Button>
                )}
                {createButton}
              </SpaceBetween>
            }
          >
            Access keys
          </Header>
        }
        columnDefinitions={[
          { id: 'id', header: 'Access key ID', isRowHeader: true, cell: (k) => <span className="secret-value">{k.accessKeyId}</span> },
          { id: 'description', header: 'Description', cell: (k) => k.description || '-' },
          { id: 'status', header: 'Status', cell: (k) => <AccessKeyStatus status={k.status} /> },
          { id: 'operator', header: 'Acts as', cell: (k) => k.operatorEmail ?? '-' },
          { id: 'created', header: 'Created', cell: (k) => formatDateTimeShort(k.createdAt) },
          { id: 'used', header: 'Last used', cell: (k) => (k.lastUsedAt ? formatDateTimeShort(k.lastUsedAt) : <Box color="text-status-inactive">Never</Box>) },
        ]}
        empty={<TableEmptyState title="No access keys" subtitle="Create an access key to use the AWS SDKs and CLI with Mailyard." action={createButton} />}
      />
      {dialog === 'create' && (
        <CreateAccessKeyModal
          onDismiss={() => setDialog(null)}
          onCreated={(key) => {
            setDialog(null);
            setCreated(key);
            setSelectedId(key.accessKeyId);
            notify({ id: `access-key-created-${key.accessKeyId}`, type: 'success', content: `Access key ${key.accessKeyId} was created.` });
          }}
        />
      )}
      {created && <AccessKeySecretModal accessKey={created} onDismiss={() => setCreated(null)} />}
      {dialog === 'deactivate' && selected && (
        <DeactivateAccessKeyModal
          accessKey={selected}
          pending={setStatus.isPending}
          failure={statusFailure}
          onConfirm={() => changeStatus('Inactive')}
          onDismiss={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && selected && <DeleteAccessKeyModal accessKey={selected} onDismiss={() => setDialog(null)} />}
    </>
  );
}

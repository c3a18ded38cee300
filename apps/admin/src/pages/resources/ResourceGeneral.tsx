import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { canEditResource, type BookingOptions, type ResourceDetail } from '@mailyard/core/resources';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { resourceTypeText } from './type.ts';

const bookingLabels: Record<keyof BookingOptions, string> = {
  autoAcceptRequests: 'Accept booking requests automatically',
  autoDeclineRecurringRequests: 'Decline recurring requests',
  autoDeclineConflictingRequests: 'Decline conflicting requests',
};

/** A resource's identity, state and dates, whether the address book shows it, and its booking options, each a toggle. */
export function ResourceGeneral({ organizationId, resource }: { organizationId: string; resource: ResourceDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const id = `resource-updated-${resource.id}`;
  const update = useMutation(
    trpc.resources.update.mutationOptions({
      onSuccess: async () => {
        notify({ id, type: 'success', content: `Resource ${resource.name} was updated.` });
        await queryClient.invalidateQueries(trpc.resources.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
      },
      onError: (error) => notify({ id, type: 'error', content: errorInfo(error).message }),
    }),
  );
  const locked = canEditResource(resource) !== null || update.isPending;
  const ref = { organizationId, resourceId: resource.id };
  const toggle = (key: keyof BookingOptions) => ({
    label: bookingLabels[key],
    value: (
      <Toggle
        checked={resource.bookingOptions[key]}
        disabled={locked}
        ariaLabel={bookingLabels[key]}
        onChange={({ detail }) => update.mutate({ ...ref, bookingOptions: { [key]: detail.checked } })}
      >
        {resource.bookingOptions[key] ? 'On' : 'Off'}
      </Toggle>
    ),
  });

  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">General</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Resource name', value: resource.name },
            { label: 'Type', value: resourceTypeText[resource.type] },
            { label: 'Email address', value: resource.email ?? 'None: enable the resource to give it an address.' },
            { label: 'State', value: <EntityStatus state={resource.state} /> },
            { label: 'Description', value: resource.description ?? '-' },
            {
              label: 'Resource ID',
              value: <CopyToClipboard variant="inline" textToCopy={resource.id} copyButtonAriaLabel="Copy resource ID" copySuccessText="Resource ID copied" copyErrorText="Resource ID failed to copy" />,
            },
            {
              label: 'Global address list',
              value: (
                <Toggle
                  checked={resource.hiddenFromGlobalAddressList}
                  disabled={locked}
                  onChange={({ detail }) => update.mutate({ ...ref, hiddenFromGlobalAddressList: detail.checked })}
                >
                  Hidden from the address book
                </Toggle>
              ),
            },
            { label: 'Created', value: formatDateTime(resource.createdAt) },
            { label: 'Enabled on', value: formatDateTime(resource.enabledAt) },
          ]}
        />
      </Container>
      <Container header={<Header variant="h2" description="Without automatic acceptance, the resource's delegates answer its requests.">Booking options</Header>}>
        <KeyValuePairs columns={3} items={[toggle('autoAcceptRequests'), toggle('autoDeclineRecurringRequests'), toggle('autoDeclineConflictingRequests')]} />
      </Container>
    </SpaceBetween>
  );
}

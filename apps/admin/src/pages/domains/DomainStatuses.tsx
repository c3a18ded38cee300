import Badge from '@cloudscape-design/components/badge';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { displayDomain, type MailDomainSummary } from '@mailyard/core/mail-domains';
import { DomainStatus } from '../../components/DomainStatus.tsx';

/** The domain as people read it (U-labels), with its Test domain and Default badges. */
export function DomainName({ domain }: { domain: Pick<MailDomainSummary, 'domain' | 'isTestDomain' | 'isDefault'> }) {
  const shown = displayDomain(domain.domain);
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <span title={shown === domain.domain ? undefined : domain.domain}>{shown}</span>
      {domain.isTestDomain && <Badge>Test domain</Badge>}
      {domain.isDefault && <Badge color="blue">Default</Badge>}
    </SpaceBetween>
  );
}

/** A status with its reason under it, when there is one. */
export function StatusWithReason({ status, reason }: { status: string; reason: string | null }) {
  return (
    <SpaceBetween size="xxxs">
      <DomainStatus status={status} />
      {reason && <small>{reason}</small>}
    </SpaceBetween>
  );
}

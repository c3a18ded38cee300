import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { MobileDeviceAccessEffectInput, type MobileDeviceAccessEffectInput as Simulated, type RulesVerdict } from '@mailyard/core/mobile-access';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useTRPC } from '../../lib/trpc.ts';

const verdictText = (v: RulesVerdict) =>
  v.matchedRules.length === 0
    ? 'No rule applies to this device, so it is blocked.'
    : `${v.effect === 'ALLOW' ? 'Allowed' : 'Blocked'} by ${v.matchedRules.map((r) => r.name).join(', ')}.`;

/** Evaluate: what the rules decide for a device with these properties (WorkMail's GetMobileDeviceAccessEffect). Overrides aside. */
export function EvaluatePanel({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const [asked, setAsked] = useState<Simulated | null>(null);
  const { control, handleSubmit } = useForm({
    resolver: zodResolver(MobileDeviceAccessEffectInput),
    defaultValues: { organizationId, deviceType: '', deviceModel: '', deviceOperatingSystem: '', deviceUserAgent: '' },
  });
  const verdict = useQuery({ ...trpc.mobileAccess.evaluate.queryOptions(asked ?? { organizationId }), enabled: asked !== null });
  const evaluate = handleSubmit((input) => setAsked(input));
  return (
    <Container
      header={
        <Header variant="h2" description="Try the rules on a device: leave out what a device does not report. Overrides for a user's device are not considered here.">
          Evaluate
        </Header>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void evaluate();
        }}
        noValidate
        aria-label="Evaluate a device"
      >
        <SpaceBetween size="m">
          <ColumnLayout columns={4}>
            <TextField control={control} name="deviceType" label="Device type" placeholder="iPhone" autoComplete={false} />
            <TextField control={control} name="deviceModel" label="Device model" placeholder="iPhone15C2" autoComplete={false} />
            <TextField control={control} name="deviceOperatingSystem" label="Operating system" placeholder="iOS 17.4 21E219" autoComplete={false} />
            <TextField control={control} name="deviceUserAgent" label="User agent" placeholder="Apple-iPhone15C2/2104.4" autoComplete={false} />
          </ColumnLayout>
          <Button formAction="submit" loading={verdict.isFetching}>
            Evaluate
          </Button>
          {verdict.isError && <ErrorAlert header="The rules could not be evaluated" error={verdict.error} onRetry={() => void verdict.refetch()} />}
          {verdict.data && (
            <Alert type={verdict.data.effect === 'ALLOW' ? 'success' : 'error'} header={verdict.data.effect === 'ALLOW' ? 'Allowed' : 'Blocked'}>
              {verdictText(verdict.data)}
            </Alert>
          )}
        </SpaceBetween>
      </form>
    </Container>
  );
}

import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { mailSentence, type MigrationPlanView as Plan } from '@mailyard/core/migration';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The plan of a run, as core made it: the changes by kind with counts, what is skipped and why, what the password
 * option does, and the plan exactly as `mailyard migrate` prints it.
 */
export function MigrationPlanView({ plan, applied }: { plan: Plan; applied: boolean }) {
  const created = plan.passwords.password + plan.passwords.resetLink + plan.passwords.none;
  return (
    <Container
      header={
        <Header variant="h2" counter={`(${n(plan.changes)})`} description={applied ? 'What this run found to change when it started migrating.' : 'Nothing has changed yet: migrate to apply it.'}>
          Plan
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Alert type="info" header="Passwords">
          {plan.passwords.sentence}
          {created > 0 && ` Of ${n(created)} new users: ${n(plan.passwords.password)} get a password from the CSV, ${n(plan.passwords.resetLink)} a reset link, ${n(plan.passwords.none)} no password.`}
        </Alert>
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Changes' }}
          header={<Header variant="h3">Changes</Header>}
          items={plan.counts}
          trackBy="kind"
          columnDefinitions={[
            { id: 'label', header: 'Change', cell: (c) => c.label, isRowHeader: true },
            { id: 'count', header: 'Count', cell: (c) => n(c.count) },
          ]}
          empty={<Box color="text-body-secondary">Nothing to change: the target matches the source.</Box>}
        />
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Skipped' }}
          header={<Header variant="h3">Skipped</Header>}
          items={plan.skipped}
          trackBy="reason"
          wrapLines
          columnDefinitions={[
            { id: 'reason', header: 'Reason', cell: (s) => s.reason, isRowHeader: true },
            { id: 'count', header: 'Count', cell: (s) => n(s.count) },
            { id: 'examples', header: 'For example', cell: (s) => s.examples.join(', ') },
          ]}
          empty={<Box color="text-body-secondary">Nothing is skipped.</Box>}
        />
        <Box color="text-body-secondary">
          Unchanged: {n(plan.unchanged.users)} users, {n(plan.unchanged.groups)} groups, {n(plan.unchanged.resources)} resources. Only in this organization (left as they are):{' '}
          {n(plan.onlyInTarget.users)} users, {n(plan.onlyInTarget.groups)} groups, {n(plan.onlyInTarget.resources)} resources.
        </Box>
        {plan.mail && <Box>{mailSentence(plan.mail, 'plan')}</Box>}
        <ExpandableSection headerText="Plan as text" headerDescription="As mailyard migrate prints it.">
          <pre className="code-sample">{plan.lines.join('\n')}</pre>
        </ExpandableSection>
      </SpaceBetween>
    </Container>
  );
}

import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { mailSentence, type MigrationReport } from '@mailyard/core/migration';

const n = (x: number) => x.toLocaleString('en-US');

/** What a run did: failed steps, the verification (source against target) and the cut-over checklist. */
export function MigrationReportView({ report }: { report: MigrationReport }) {
  const { verification } = report;
  return (
    <SpaceBetween size="l">
      {report.failed.length > 0 && (
        <Table
          ariaLabels={{ tableLabel: 'Failed changes' }}
          header={
            <Header variant="h2" counter={`(${report.failed.length})`} description="Fix the cause, then plan again: the next run retries them.">
              Failed changes
            </Header>
          }
          items={report.failed}
          wrapLines
          columnDefinitions={[
            { id: 'step', header: 'Change', cell: (f) => f.step, isRowHeader: true },
            { id: 'message', header: 'Why', cell: (f) => f.message },
          ]}
        />
      )}
      <Table
        ariaLabels={{ tableLabel: 'Verification' }}
        header={
          <Header
            variant="h2"
            description={
              verification.remaining === 0
                ? 'The target matches the source: a new plan has no changes.'
                : `${n(verification.remaining)} changes remain (plan again, or see the skipped reasons).`
            }
          >
            Verification
          </Header>
        }
        items={verification.rows}
        trackBy="what"
        columnDefinitions={[
          { id: 'what', header: 'What', cell: (r) => r.what, isRowHeader: true },
          { id: 'source', header: 'WorkMail', cell: (r) => n(r.source) },
          { id: 'target', header: 'Mailyard', cell: (r) => n(r.target) },
          {
            id: 'match',
            header: 'Result',
            cell: (r) => (r.source === r.target ? <StatusIndicator type="success">Matches</StatusIndicator> : <StatusIndicator type="warning">Differs</StatusIndicator>),
          },
        ]}
      />
      {report.mail && <Box>{mailSentence(report.mail, 'run')}</Box>}
      <Container header={<Header variant="h2" description="Before switching the MX records, as mailyard migrate prints it.">Cut-over checklist</Header>}>
        <SpaceBetween size="s">
          <pre className="code-sample">{report.cutover.join('\n')}</pre>
          <ExpandableSection headerText="Report as text" headerDescription="The verification (and the mail copied), as mailyard migrate prints it.">
            <pre className="code-sample">{report.lines.join('\n').trim()}</pre>
          </ExpandableSection>
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}

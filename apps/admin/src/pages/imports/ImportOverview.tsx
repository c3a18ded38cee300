import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import { isImportApplied, type ImportSummary } from '@mailyard/core/imports';
import { formatDateTime } from '../../lib/format.ts';
import { ImportStatus } from './ImportStatus.tsx';

/** The summary of an import: what the dry run found and, once applied, what was done. */
export function ImportOverview({ summary }: { summary: ImportSummary }) {
  const c = summary.counts;
  const items: KeyValuePairsProps.Item[] = [
    {
      type: 'group',
      title: 'Dry run',
      items: [
        { label: 'Rows in the file', value: summary.totalRows },
        { label: 'Valid, to create', value: c.valid },
        { label: 'Already exist (skipped)', value: c.exists },
        { label: 'With problems', value: c.invalid },
      ],
    },
    isImportApplied(summary)
      ? {
          type: 'group',
          title: 'Import',
          items: [
            { label: 'Created', value: c.created },
            { label: 'Skipped', value: c.skipped },
            { label: 'Failed', value: c.failed },
            { label: 'Finished', value: formatDateTime(summary.finishedAt) },
          ],
        }
      : { type: 'group', title: 'Import', items: [{ label: 'Status', value: 'Not started' }] },
    {
      type: 'group',
      title: 'File',
      items: [
        { label: 'Status', value: <ImportStatus state={summary.state} /> },
        { label: 'Uploaded by', value: summary.createdBy },
        { label: 'Uploaded', value: formatDateTime(summary.createdAt) },
      ],
    },
  ];
  return (
    <Container header={<Header variant="h2">Summary</Header>}>
      <KeyValuePairs columns={3} items={items} />
    </Container>
  );
}

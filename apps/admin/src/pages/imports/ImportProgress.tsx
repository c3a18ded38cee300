import Container from '@cloudscape-design/components/container';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import type { ImportSummary } from '@mailyard/core/imports';
import { countsText } from './summary.ts';

/** The import's progress: rows processed of the rows to import, then its result. */
export function ImportProgress({ summary }: { summary: ImportSummary }) {
  const { processedRows, validRows, state } = summary;
  const percent = validRows === 0 ? 100 : Math.round((processedRows / validRows) * 100);
  const result = state === 'done' ? 'success' : state === 'failed' ? 'error' : 'in-progress';
  return (
    <Container>
      <ProgressBar
        label={state === 'applying' ? 'Importing users' : state === 'done' ? 'Import finished' : 'Import stopped'}
        value={percent}
        status={result}
        description={`${processedRows.toLocaleString('en-US')} of ${validRows.toLocaleString('en-US')} rows processed`}
        additionalInfo={state === 'applying' ? 'The import runs on the server: you can leave this page and come back.' : undefined}
        resultText={state === 'failed' ? `The import stopped: ${summary.error ?? 'see the server log'}. ${countsText(summary)}.` : `Import complete: ${countsText(summary)}.`}
      />
    </Container>
  );
}

import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { errorInfo } from '../lib/errors.ts';

/** A failed load, with the server's message and a retry. */
export function ErrorAlert({ error, header, onRetry }: { error: unknown; header: string; onRetry?: () => void }) {
  return (
    <Alert type="error" header={header} action={onRetry && <Button onClick={onRetry}>Retry</Button>}>
      {errorInfo(error).message}
    </Alert>
  );
}

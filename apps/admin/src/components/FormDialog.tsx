import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ComponentProps, ReactNode } from 'react';
import type { MailyardErrorInfo } from '../lib/errors.ts';
import { DialogShell } from './DialogShell.tsx';

type FormDialogProps = Omit<ComponentProps<typeof DialogShell>, 'onPrimary'> & {
  /** Validates and sends the form: the primary button and Enter in a box call it. */
  onSubmit: () => void;
  /** A failure no field shows, in an error alert under the fields headed `failureHeader`. */
  failure: MailyardErrorInfo | null;
  failureHeader?: ReactNode;
};

/** The console's dialogs that hold a form: DialogShell around the fields, the failure, and Enter submitting. */
export function FormDialog({ onSubmit, failure, failureHeader, children, ...shell }: FormDialogProps) {
  return (
    <DialogShell {...shell} onPrimary={onSubmit}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <SpaceBetween size="l">
          {children}
          {failure && (
            <Alert type="error" header={failureHeader}>
              {failure.message}
            </Alert>
          )}
          <button type="submit" hidden />
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}

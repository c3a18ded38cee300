import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { errorInfo } from '../../lib/errors.ts';
import { DialogShell } from '../DialogShell.tsx';

interface ConfirmDialogProps {
  header: string;
  children: ReactNode;
  /** The confirming button's text: the action's verb ("Remove", "Wipe"). */
  confirmText: string;
  onConfirm(): void;
  onDismiss(): void;
  loading?: boolean;
  /** The failed attempt, shown in the dialog so the operator can retry or cancel. */
  error?: unknown;
  confirmDisabled?: boolean;
  /** The dismissing button's text, when "Cancel" would read oddly beside the action. */
  cancelText?: string;
}

/** A confirmation dialog for one action: the consequence, Cancel, and the action's verb; a failure shows in it. */
export function ConfirmDialog({ header, children, confirmText, onConfirm, onDismiss, loading, error, confirmDisabled, cancelText = 'Cancel' }: ConfirmDialogProps) {
  return (
    <DialogShell
      closeAriaLabel="Close dialog"
      header={header}
      primaryLabel={confirmText}
      cancelLabel={cancelText}
      pending={loading}
      primaryDisabled={confirmDisabled}
      onPrimary={onConfirm}
      onClose={onDismiss}
    >
      <SpaceBetween size="m">
        {children}
        {error != null && (
          <Alert type="error" header={`${confirmText} failed`}>
            {errorInfo(error).message}
          </Alert>
        )}
      </SpaceBetween>
    </DialogShell>
  );
}

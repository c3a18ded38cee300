import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal, { type ModalProps } from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';

interface DialogShellProps {
  header: ReactNode;
  /** Label of the primary (confirming) button. */
  primaryLabel: ReactNode;
  /** Called by the primary button. */
  onPrimary: () => void;
  /** Called by the Cancel button and when the dialog is dismissed. */
  onClose: () => void;
  /** Shows the primary button as loading. */
  pending?: boolean;
  /** While pending, keep the dialog open and disable Cancel (default true). */
  lockWhilePending?: boolean;
  primaryDisabled?: boolean;
  cancelLabel?: ReactNode;
  closeAriaLabel?: string;
  size?: ModalProps.Size;
  children: ReactNode;
}

/** The shell shared by the console's dialogs: a visible modal with a Cancel and a primary button. */
export function DialogShell({
  header,
  primaryLabel,
  onPrimary,
  onClose,
  pending = false,
  lockWhilePending = true,
  primaryDisabled,
  cancelLabel = 'Cancel',
  closeAriaLabel,
  size,
  children,
}: DialogShellProps) {
  const locked = lockWhilePending && pending;
  return (
    <Modal
      visible
      size={size}
      header={header}
      closeAriaLabel={closeAriaLabel}
      onDismiss={() => {
        if (!locked) onClose();
      }}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose} disabled={locked}>
              {cancelLabel}
            </Button>
            <Button variant="primary" loading={pending} disabled={primaryDisabled} onClick={onPrimary}>
              {primaryLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}

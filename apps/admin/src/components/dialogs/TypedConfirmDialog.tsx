import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type ReactNode } from 'react';
import { DialogShell } from '../DialogShell.tsx';

export interface TypedConfirmation {
  /** What the operator types: "delete", the key's id, the organization's alias. */
  word: string;
  label: string;
  ariaLabel?: string;
  ignoreCase?: boolean;
}

interface TypedConfirmDialogProps {
  header: ReactNode;
  primaryLabel: ReactNode;
  confirmation: TypedConfirmation;
  onConfirm(): void;
  onClose(): void;
  pending?: boolean;
  lockWhilePending?: boolean;
  closeAriaLabel?: string;
  /** Another reason the action may not run yet (a box to tick, nothing to act on); hides the field when `hideField`. */
  blocked?: boolean;
  hideField?: boolean;
  /** The consequences, above the field. */
  children: ReactNode;
  /** Progress or a failure, under the field. */
  footer?: ReactNode;
}

/**
 * The dialog of a permanent action: the operator types a word to confirm it, as in the AWS console. The primary
 * button and Enter in the field act only once the word is typed (case aside with `ignoreCase`).
 */
export function TypedConfirmDialog({ confirmation, onConfirm, blocked = false, hideField = false, children, footer, ...shell }: TypedConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const entered = typed.trim();
  const confirmed = confirmation.ignoreCase ? entered.toLowerCase() === confirmation.word.toLowerCase() : entered === confirmation.word;
  const ready = confirmed && !blocked;
  const locked = Boolean(shell.pending) && shell.lockWhilePending !== false;
  return (
    <DialogShell {...shell} primaryDisabled={!ready} onPrimary={onConfirm}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !shell.pending) onConfirm();
        }}
      >
        <SpaceBetween size="m">
          {children}
          {!hideField && (
            <FormField label={confirmation.label}>
              <Input
                value={typed}
                placeholder={confirmation.word}
                ariaLabel={confirmation.ariaLabel}
                autoFocus
                autoComplete={false}
                spellcheck={false}
                disabled={locked}
                onChange={({ detail }) => setTyped(detail.value)}
              />
            </FormField>
          )}
          {footer}
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}

import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller, type Control, type FieldValues } from 'react-hook-form';
import { fieldMessages } from '../../lib/field-messages.ts';
import { PasswordChecklist } from './PasswordChecklist.tsx';

interface PasswordValues {
  password: string;
  repeatPassword: string;
}

/** Password and Repeat password, with the policy checklist live under the first (Create user, Reset password). */
export function PasswordFields<T extends FieldValues & PasswordValues>({ control, passwordLabel = 'Password' }: { control: Control<T>; passwordLabel?: string }) {
  const form = control as unknown as Control<PasswordValues>;
  return (
    <SpaceBetween size="l">
      <Controller
        control={form}
        name="password"
        render={({ field, fieldState }) => (
          <FormField label={passwordLabel} constraintText={<PasswordChecklist password={field.value} />} errorText={fieldMessages(fieldState.error)}>
            <Input
              ref={field.ref}
              name={field.name}
              type="password"
              autoComplete="new-password"
              value={field.value}
              invalid={Boolean(fieldState.error)}
              onChange={({ detail }) => field.onChange(detail.value)}
              onBlur={field.onBlur}
            />
          </FormField>
        )}
      />
      <Controller
        control={form}
        name="repeatPassword"
        render={({ field, fieldState }) => (
          <FormField label="Repeat password" errorText={fieldMessages(fieldState.error)}>
            <Input
              ref={field.ref}
              name={field.name}
              type="password"
              autoComplete="new-password"
              value={field.value}
              invalid={Boolean(fieldState.error)}
              onChange={({ detail }) => field.onChange(detail.value)}
              onBlur={field.onBlur}
            />
          </FormField>
        )}
      />
    </SpaceBetween>
  );
}

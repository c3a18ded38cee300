import SpaceBetween from '@cloudscape-design/components/space-between';
import { useWatch, type Control, type FieldValues } from 'react-hook-form';
import { TextField } from '../../components/TextField.tsx';
import { PasswordChecklist } from './PasswordChecklist.tsx';

interface PasswordValues {
  password: string;
  repeatPassword: string;
}

/** Password and Repeat password, with the policy checklist live under the first (Create user, Reset password). */
export function PasswordFields<T extends FieldValues & PasswordValues>({ control, passwordLabel = 'Password' }: { control: Control<T>; passwordLabel?: string }) {
  const form = control as unknown as Control<PasswordValues>;
  const password = useWatch({ control: form, name: 'password' });
  return (
    <SpaceBetween size="l">
      <TextField
        control={form}
        name="password"
        label={passwordLabel}
        constraintText={<PasswordChecklist password={password} />}
        type="password"
        autoComplete="new-password"
      />
      <TextField control={form} name="repeatPassword" label="Repeat password" type="password" autoComplete="new-password" />
    </SpaceBetween>
  );
}

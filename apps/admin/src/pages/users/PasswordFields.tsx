import SpaceBetween from '@cloudscape-design/components/space-between';
import { useWatch, type Control, type FieldValues } from 'react-hook-form';
import { TextField } from '../../components/TextField.tsx';
import { PasswordChecklist } from './PasswordChecklist.tsx';

interface PasswordValues {
  password: string;
  repeatPassword: string;
}

/**
 * Password and Repeat password, with the policy checklist live under the first (Create user, Reset password, Enable).
 * `prefix` places them inside a list of the form (`users.0.` for a row of the Enable dialog).
 */
export function PasswordFields<T extends FieldValues>({ control, passwordLabel = 'Password', prefix = '' }: { control: Control<T>; passwordLabel?: string; prefix?: string }) {
  // The two names are `${prefix}password` and `${prefix}repeatPassword` of T; typed paths cannot follow a runtime prefix.
  const form = control as unknown as Control<PasswordValues>;
  const names = { password: `${prefix}password`, repeatPassword: `${prefix}repeatPassword` } as { password: 'password'; repeatPassword: 'repeatPassword' };
  const password = useWatch({ control: form, name: names.password });
  return (
    <SpaceBetween size="l">
      <TextField
        control={form}
        name={names.password}
        label={passwordLabel}
        constraintText={<PasswordChecklist password={password ?? ''} />}
        type="password"
        autoComplete="new-password"
      />
      <TextField control={form} name={names.repeatPassword} label="Repeat password" type="password" autoComplete="new-password" />
    </SpaceBetween>
  );
}

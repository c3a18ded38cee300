import FormField, { type FormFieldProps } from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { fieldMessages } from '../lib/field-messages.ts';

type TextFieldProps<T extends FieldValues> = Pick<FormFieldProps, 'label' | 'description' | 'constraintText'> &
  Pick<InputProps, 'type' | 'inputMode' | 'placeholder' | 'autoComplete' | 'autoFocus' | 'spellcheck' | 'readOnly'> & {
    control: Control<T>;
    /** A text field of the form (a missing value shows as empty). */
    name: FieldPathByValue<T, string | null | undefined>;
    /** Called after each change of the value, for a field that others follow. */
    onValueChange?: (value: string) => void;
  };

/** A plain text input bound to a react-hook-form field, with the field's errors under it. */
export function TextField<T extends FieldValues>({ control, name, label, description, constraintText, onValueChange, ...input }: TextFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} description={description} constraintText={constraintText} errorText={fieldMessages(fieldState.error)}>
          <Input
            {...input}
            ref={field.ref}
            name={field.name}
            value={field.value ?? ''}
            invalid={Boolean(fieldState.error)}
            onChange={({ detail }) => {
              field.onChange(detail.value);
              onValueChange?.(detail.value);
            }}
            onBlur={field.onBlur}
          />
        </FormField>
      )}
    />
  );
}

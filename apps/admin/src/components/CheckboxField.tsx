import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';

interface CheckboxFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPathByValue<T, boolean | undefined>;
  /** The checkbox's own text, and the line under it. */
  children: ReactNode;
  description?: ReactNode;
  /** A form field around it, when the checkbox needs a heading of its own. */
  field?: { label: ReactNode; description?: ReactNode };
}

/** A checkbox bound to a react-hook-form boolean. */
export function CheckboxField<T extends FieldValues>({ control, name, children, description, field }: CheckboxFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: value }) => {
        const checkbox = (
          <Checkbox checked={value.value ?? false} description={description} onChange={({ detail }) => value.onChange(detail.checked)}>
            {children}
          </Checkbox>
        );
        return field ? <FormField {...field}>{checkbox}</FormField> : checkbox;
      }}
    />
  );
}

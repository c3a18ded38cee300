import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { fieldMessages } from '../../lib/field-messages.ts';
import { AddressField, addressParts, joinParts, type AddressFieldProps } from './AddressField.tsx';

type AddressFormFieldProps<T extends FieldValues> = Pick<AddressFieldProps, 'label' | 'description' | 'constraintText' | 'domains' | 'placeholder'> & {
  control: Control<T>;
  /** A whole address (`local@domain`) of the form. */
  name: FieldPathByValue<T, string | undefined>;
  /** Called when the operator types in the part before the @. */
  onLocalPartEdit?: () => void;
};

/**
 * An AddressField bound to a form's whole-address field, with the field's errors under it. A domain the address has
 * that is not in `domains` (a user's current address) stays among the choices.
 */
export function AddressFormField<T extends FieldValues>({ control, name, domains, onLocalPartEdit, ...field }: AddressFormFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: value, fieldState }) => {
        const { localPart, domain } = addressParts(value.value ?? '');
        return (
          <AddressField
            {...field}
            name={value.name}
            inputRef={value.ref}
            localPart={localPart}
            domain={domain}
            domains={domain && !domains.includes(domain) ? [domain, ...domains] : domains}
            errorText={fieldMessages(fieldState.error)}
            onLocalPartChange={(v) => {
              onLocalPartEdit?.();
              value.onChange(joinParts(v, domain));
            }}
            onDomainChange={(d) => value.onChange(joinParts(localPart, d))}
            onBlur={value.onBlur}
          />
        );
      }}
    />
  );
}

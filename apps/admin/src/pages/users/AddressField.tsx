import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import type { ReactNode, Ref } from 'react';

export interface AddressFieldProps {
  label: ReactNode;
  description?: ReactNode;
  constraintText?: ReactNode;
  errorText?: ReactNode;
  /** The part before the @, typed by the operator. */
  localPart: string;
  /** One of `domains`, chosen from a list: addresses use only the organization's verified domains. */
  domain: string;
  domains: readonly string[];
  onLocalPartChange(localPart: string): void;
  onDomainChange(domain: string): void;
  onBlur?: () => void;
  name?: string;
  inputRef?: Ref<InputProps.Ref>;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * An email address as WorkMail's console asks for one: the part before the @ in a box, the domain from the list of
 * the organization's domains beside it. The box carries the field's label; the list is "<label> Domain".
 */
export function AddressField({
  label,
  description,
  constraintText,
  errorText,
  localPart,
  domain,
  domains,
  onLocalPartChange,
  onDomainChange,
  onBlur,
  name,
  inputRef,
  placeholder,
  disabled,
}: AddressFieldProps) {
  const invalid = Boolean(errorText);
  return (
    <FormField
      label={label}
      description={description}
      constraintText={constraintText}
      errorText={errorText}
      stretch={false}
      secondaryControl={
        <Select
          ariaLabel="Domain"
          selectedOption={domain ? { value: domain, label: `@${domain}` } : null}
          options={domains.map((d) => ({ value: d, label: `@${d}` }))}
          placeholder="Choose a domain"
          empty="This organization has no verified domain."
          disabled={disabled}
          invalid={invalid}
          onChange={({ detail }) => onDomainChange(detail.selectedOption.value ?? '')}
        />
      }
    >
      <Input
        ref={inputRef}
        name={name}
        value={localPart}
        placeholder={placeholder}
        autoComplete={false}
        spellcheck={false}
        disabled={disabled}
        invalid={invalid}
        onChange={({ detail }) => onLocalPartChange(detail.value)}
        onBlur={onBlur}
      />
    </FormField>
  );
}

/** Splits `local@domain` at the last @ for the two controls (a value without @ is all local part). */
export function addressParts(address: string): { localPart: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0 ? { localPart: address, domain: '' } : { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}

export const joinParts = (localPart: string, domain: string) => `${localPart}@${domain}`;

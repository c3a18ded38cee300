import Box from '@cloudscape-design/components/box';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import type { Ref } from 'react';

export interface AddressInputProps {
  localPart: string;
  domain: string;
  /** The organization's verified domains, the only ones an address may use. */
  domains: readonly string[];
  onLocalPartChange: (value: string) => void;
  onDomainChange: (value: string) => void;
  onBlur?: () => void;
  /** Accessible names of the two controls, e.g. "Email address, part before @". */
  label: string;
  localPartInvalid?: boolean;
  domainInvalid?: boolean;
  localPartRef?: Ref<InputProps.Ref>;
  name?: string;
  placeholder?: string;
}

/** An address as WorkMail's console asks for one: the part before the @ typed, the domain chosen from a list. */
export function AddressInput({
  localPart,
  domain,
  domains,
  onLocalPartChange,
  onDomainChange,
  onBlur,
  label,
  localPartInvalid,
  domainInvalid,
  localPartRef,
  name,
  placeholder,
}: AddressInputProps) {
  return (
    <div className="address-input">
      <div className="address-input__local">
        <Input
          ref={localPartRef}
          name={name}
          value={localPart}
          placeholder={placeholder}
          ariaLabel={`${label}, part before @`}
          autoComplete={false}
          spellcheck={false}
          invalid={localPartInvalid}
          onChange={({ detail }) => onLocalPartChange(detail.value)}
          onBlur={onBlur}
        />
      </div>
      <Box variant="span" fontSize="body-m" color="text-body-secondary">
        @
      </Box>
      <div className="address-input__domain">
        <Select
          selectedOption={domain ? { value: domain, label: domain } : null}
          options={domains.map((d) => ({ value: d, label: d }))}
          placeholder="Choose a domain"
          ariaLabel={`${label}, domain`}
          invalid={domainInvalid}
          empty="This organization has no verified domain."
          onChange={({ detail }) => onDomainChange(detail.selectedOption.value ?? '')}
        />
      </div>
    </div>
  );
}

/** A suggested local part for a name: lower case, letters, digits, dots, hyphens and underscores. */
export const localPartFor = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);

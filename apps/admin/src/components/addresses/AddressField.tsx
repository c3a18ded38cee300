import Box from '@cloudscape-design/components/box';
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
  /**
   * `stacked` (the users' pages): the box carries the field's label, the list of "@domain" sits under it as "Domain".
   * `inline` (the groups' pages): "part before @ – @ – domain" on one line, the two controls named after `controlsLabel`.
   */
  layout?: 'stacked' | 'inline';
  /** Inline: the controls are "<controlsLabel>, part before @" and "<controlsLabel>, domain". */
  controlsLabel?: string;
  /** Which control the error is about; by default both are marked when there is an error. */
  invalid?: { localPart: boolean; domain: boolean };
}

const EMPTY = 'This organization has no verified domain.';

/** An email address as WorkMail's console asks for one: the part before the @ typed, the domain chosen from the organization's. */
export function AddressField(props: AddressFieldProps) {
  const { label, description, constraintText, errorText, localPart, domain, domains, layout = 'stacked' } = props;
  const invalid = props.invalid ?? { localPart: Boolean(errorText), domain: Boolean(errorText) };
  const input = (ariaLabel?: string) => (
    <Input
      ref={props.inputRef}
      name={props.name}
      value={localPart}
      placeholder={props.placeholder}
      ariaLabel={ariaLabel}
      autoComplete={false}
      spellcheck={false}
      disabled={props.disabled}
      invalid={invalid.localPart}
      onChange={({ detail }) => props.onLocalPartChange(detail.value)}
      onBlur={props.onBlur}
    />
  );
  const select = (format: (d: string) => string, ariaLabel: string) => (
    <Select
      ariaLabel={ariaLabel}
      selectedOption={domain ? { value: domain, label: format(domain) } : null}
      options={domains.map((d) => ({ value: d, label: format(d) }))}
      placeholder="Choose a domain"
      empty={EMPTY}
      disabled={props.disabled}
      invalid={invalid.domain}
      onChange={({ detail }) => props.onDomainChange(detail.selectedOption.value ?? '')}
    />
  );
  const field = { label, description, constraintText, errorText };

  if (layout === 'inline') {
    const controls = props.controlsLabel ?? (typeof label === 'string' ? label : 'Email address');
    return (
      <FormField {...field}>
        <div className="address-input">
          <div className="address-input__local">{input(`${controls}, part before @`)}</div>
          <Box variant="span" fontSize="body-m" color="text-body-secondary">
            @
          </Box>
          <div className="address-input__domain">{select((d) => d, `${controls}, domain`)}</div>
        </div>
      </FormField>
    );
  }
  return (
    <FormField {...field} stretch={false} secondaryControl={select((d) => `@${d}`, 'Domain')}>
      {input()}
    </FormField>
  );
}

/** Splits `local@domain` at the last @ for the two controls (a value without @ is all local part). */
export function addressParts(address: string): { localPart: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0 ? { localPart: address, domain: '' } : { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}

export const joinParts = (localPart: string, domain: string) => `${localPart}@${domain}`;

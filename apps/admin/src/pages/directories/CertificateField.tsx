import FormField from '@cloudscape-design/components/form-field';
import Textarea from '@cloudscape-design/components/textarea';
import { Controller, type Control } from 'react-hook-form';
import { fieldMessages } from '../../lib/field-messages.ts';
import type { DirectoryForm } from './form.ts';

/** The PEM of the CA that signed the directory's certificate, for ldaps:// and StartTLS with a private CA. */
export function CertificateField({ control }: { control: Control<DirectoryForm> }) {
  return (
    <Controller
      control={control}
      name="caCertificate"
      render={({ field, fieldState }) => (
        <FormField
          label={
            <span>
              CA certificate <i>- optional</i>
            </span>
          }
          description="Needed when the directory's certificate is signed by your own CA (usual for Active Directory). Leave empty for a public CA."
          errorText={fieldMessages(fieldState.error)}
          stretch
        >
          <Textarea
            ref={field.ref}
            value={field.value ?? ''}
            rows={4}
            spellcheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            invalid={Boolean(fieldState.error)}
            onChange={({ detail }) => field.onChange(detail.value)}
            onBlur={field.onBlur}
          />
        </FormField>
      )}
    />
  );
}

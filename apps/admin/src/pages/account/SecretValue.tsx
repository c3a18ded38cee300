import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';

/** A credential shown once: in full, selectable, with its own copy button. */
export function SecretValue({ value, label }: { value: string; label: string }) {
  return (
    <span className="secret-value">
      <CopyToClipboard
        variant="inline"
        textToCopy={value}
        copyButtonAriaLabel={`Copy ${label}`}
        copySuccessText={`${label} copied`}
        copyErrorText={`${label} failed to copy`}
      />
    </span>
  );
}

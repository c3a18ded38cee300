import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';

/** A value shown with a copy button beside it (ids, DNS records); `-` when there is none. */
export function Copyable({ text, label }: { text: string | null; label: string }) {
  if (!text) return '-';
  return (
    <CopyToClipboard
      variant="inline"
      textToCopy={text}
      copyButtonAriaLabel={`Copy ${label}`}
      copySuccessText={`${label} copied`}
      copyErrorText={`${label} failed to copy`}
    />
  );
}

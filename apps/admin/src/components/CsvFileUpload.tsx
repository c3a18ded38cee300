import FileUpload from '@cloudscape-design/components/file-upload';
import { formatDateTimeShort } from '../lib/format.ts';

interface CsvFileUploadProps {
  value: File[];
  onChange: (files: File[]) => void;
  constraintText: string;
  /** The button's text ("Choose file"). */
  buttonText?: string;
}

/** One CSV file chosen from the computer (or dropped), with its size and date: the console's file inputs. */
export function CsvFileUpload({ value, onChange, constraintText, buttonText = 'Choose file' }: CsvFileUploadProps) {
  return (
    <FileUpload
      value={value}
      onChange={({ detail }) => onChange(detail.value)}
      accept=".csv,text/csv"
      showFileSize
      showFileLastModified
      constraintText={constraintText}
      i18nStrings={{
        uploadButtonText: () => buttonText,
        dropzoneText: () => 'Drop a CSV file here',
        removeFileAriaLabel: (i) => `Remove file ${i + 1}`,
        errorIconAriaLabel: 'Error',
        warningIconAriaLabel: 'Warning',
        limitShowFewer: 'Show fewer files',
        limitShowMore: 'Show more files',
        formatFileLastModified: (date) => `Last modified ${formatDateTimeShort(date)}`,
      }}
    />
  );
}

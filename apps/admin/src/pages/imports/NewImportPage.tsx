import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useParams } from 'wouter';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '@mailyard/core/imports';
import { CsvFileUpload } from '../../components/CsvFileUpload.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { errorInfo, type MailyardErrorInfo } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ColumnsHelp } from './ColumnsHelp.tsx';
import { importPath, importsPath, newImportPath } from './paths.ts';
import { templateHref } from './template.ts';

const MAX_MB = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
const maxRows = MAX_IMPORT_ROWS.toLocaleString('en-US');

/** The server's words for a refused file: its message, or each problem of the header on its own line. */
function fileProblem(info: MailyardErrorInfo): ReactNode {
  const problems = info.details.problems;
  if (!Array.isArray(problems) || problems.length < 2) return info.fieldErrors.content?.join(' ') ?? info.message;
  return (
    <SpaceBetween size="xxxs">
      {problems.map((p) => (
        <span key={String(p)}>{String(p)}</span>
      ))}
    </SpaceBetween>
  );
}

/**
 * "Import users": choose a CSV file; the server checks every row (a dry run) and the import's page shows the report,
 * from which the operator starts the import. Nothing is created here.
 */
export function NewImportPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs, organization } = useOrganizationCrumbs(organizationId);
  usePage('Import users', [
    ...crumbs,
    { text: 'User imports', href: href(importsPath(organizationId)) },
    { text: 'Import users', href: href(newImportPath(organizationId)) },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<MailyardErrorInfo | null>(null);
  const [reading, setReading] = useState(false);

  const validate = useMutation(
    trpc.imports.validate.mutationOptions({
      onSuccess: async (summary) => {
        await queryClient.invalidateQueries(trpc.imports.pathFilter());
        navigate(importPath(organizationId, summary.id));
      },
      onError: (error) => {
        const info = errorInfo(error);
        if (info.code === 'IMPORT.INVALID_FILE' || info.fieldErrors.content) setFileError(fileProblem(info));
        else setFailure(info);
      },
    }),
  );

  const submit = async () => {
    setFailure(null);
    const file = files[0];
    if (!file) return setFileError('Choose a CSV file.');
    if (file.size > MAX_IMPORT_FILE_BYTES) return setFileError(`The file must be at most ${MAX_MB} MB.`);
    setReading(true);
    try {
      validate.mutate({ organizationId, fileName: file.name, content: await file.text() });
    } catch {
      setFileError('The file could not be read. Choose it again.');
    } finally {
      setReading(false);
    }
  };

  return (
    <FormPage
      title="Import users"
      description="Create many users at once from a CSV file. Every row is checked first and you review the report: nothing is created until you start the import."
      submitLabel="Check file"
      cancelPath={importsPath(organizationId)}
      onSubmit={submit}
      pending={reading || validate.isPending}
      errorText={failure?.message}
    >
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button iconName="download" href={templateHref(organization.data?.defaultMailDomain ?? null)} download="users-template.csv">
                Download template
              </Button>
            }
          >
            CSV file
          </Header>
        }
      >
        <FormField label="File" description="A CSV file saved from a spreadsheet or exported from your current mail system." errorText={fileError}>
          <CsvFileUpload
            value={files}
            onChange={(chosen) => {
              setFiles(chosen);
              setFileError(null);
            }}
            constraintText={`CSV with a header row, at most ${maxRows} users and ${MAX_MB} MB. Commas or semicolons separate the columns.`}
          />
        </FormField>
      </Container>
      <ColumnsHelp />
    </FormPage>
  );
}

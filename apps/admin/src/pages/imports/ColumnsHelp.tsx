import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Table from '@cloudscape-design/components/table';
import { importColumnNames, importColumns, NO_PASSWORD_WORD, type ImportColumn } from '@mailyard/core/imports';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@mailyard/core/passwords';

const notes: Partial<Record<ImportColumn, string>> = {
  name: 'Unique in the organization. Letters, digits, _ - and .',
  email: "The primary address. Its domain must be one of the organization's verified domains.",
  hiddenFromGlobalAddressList: 'yes or no (empty: no).',
  password: `A password of ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters from at least three character groups, or "${NO_PASSWORD_WORD}" (or empty): the user is created without a password until you set one with Reset password.`,
};

/** The columns a file may have, the names each accepts, and what goes in them. */
export function ColumnsHelp() {
  return (
    <ExpandableSection headerText="CSV format" variant="container" defaultExpanded headerDescription="A header row, then one row per user. Column names are matched without case, spaces or underscores.">
      <Table
        variant="embedded"
        wrapLines
        items={importColumnNames}
        trackBy={(c) => c}
        columnDefinitions={[
          {
            id: 'column',
            header: 'Column',
            isRowHeader: true,
            cell: (c) => (
              <>
                <Box variant="code">{c}</Box>
                {importColumns[c].required && (
                  <Box variant="small" display="block">
                    Required
                  </Box>
                )}
              </>
            ),
          },
          { id: 'also', header: 'Also accepted', cell: (c) => importColumns[c].headers.slice(1).join(', ') || '-' },
          { id: 'notes', header: 'What it holds', cell: (c) => `${importColumns[c].label}. ${notes[c] ?? 'At most 256 characters.'}` },
        ]}
      />
    </ExpandableSection>
  );
}

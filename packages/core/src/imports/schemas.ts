import { z } from 'zod';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { hasControlCharacters } from '../users/attributes.ts';
import { MAX_IMPORT_FILE_BYTES } from './rows.ts';
import { text } from '../text/well-formed.ts';

export const importId = z.guid('Import id must be a UUID.').transform((id) => id.toLowerCase());

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/** The dry run: the file as text (the console reads it in the browser) and its name, shown in the list. */
export const ValidateImportInput = z.object({
  organizationId,
  fileName: text()
    .trim()
    .min(1, 'File name is required.')
    .max(255, 'File name must be at most 255 characters.')
    .refine((s) => !hasControlCharacters(s), 'File name may not contain control characters.'),
  content: text()
    // A character is at least one byte: longer strings are refused before they are encoded.
    .max(MAX_IMPORT_FILE_BYTES, `The file must be at most ${megabytes(MAX_IMPORT_FILE_BYTES)}.`)
    .refine((s) => utf8Length(s) <= MAX_IMPORT_FILE_BYTES, `The file must be at most ${megabytes(MAX_IMPORT_FILE_BYTES)}.`)
    .refine((s) => !s.includes('\0'), 'The file is not a text file (CSV).'),
});
export type ValidateImportInput = z.infer<typeof ValidateImportInput>;

export const ImportRef = z.object({ organizationId, importId });
export type ImportRef = z.infer<typeof ImportRef>;

export const ListImportsInput = z.object({ organizationId, ...pageInput });
export type ListImportsInput = z.infer<typeof ListImportsInput>;

/** The report's filter: by what the dry run found, or by what applying did. */
export const importRowFilters = ['all', 'invalid', 'valid', 'exists', 'created', 'skipped', 'failed'] as const;
export type ImportRowFilter = (typeof importRowFilters)[number];

export const ImportRowsInput = z.object({
  organizationId,
  importId,
  filter: z.enum(importRowFilters).default('all'),
  ...pageInput,
});
export type ImportRowsInput = z.infer<typeof ImportRowsInput>;

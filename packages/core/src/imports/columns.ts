import { userAttributeLabels } from '../users/attributes.ts';

/** The columns of a users CSV, by the field each fills. */
export const importColumns = {
  name: { label: 'User name', required: true, headers: ['name', 'username', 'user'] },
  displayName: { label: userAttributeLabels.displayName, required: true, headers: ['displayname'] },
  email: { label: 'Email address', required: true, headers: ['email', 'emailaddress', 'primaryemail', 'mail'] },
  firstName: { label: userAttributeLabels.firstName, required: false, headers: ['firstname', 'givenname'] },
  lastName: { label: userAttributeLabels.lastName, required: false, headers: ['lastname', 'surname', 'familyname'] },
  initials: { label: userAttributeLabels.initials, required: false, headers: ['initials'] },
  telephone: { label: userAttributeLabels.telephone, required: false, headers: ['telephone', 'phone', 'telephonenumber'] },
  street: { label: userAttributeLabels.street, required: false, headers: ['street'] },
  city: { label: userAttributeLabels.city, required: false, headers: ['city'] },
  zipCode: { label: userAttributeLabels.zipCode, required: false, headers: ['zipcode', 'zip', 'postalcode', 'postcode'] },
  country: { label: userAttributeLabels.country, required: false, headers: ['country'] },
  company: { label: userAttributeLabels.company, required: false, headers: ['company'] },
  department: { label: userAttributeLabels.department, required: false, headers: ['department'] },
  jobTitle: { label: userAttributeLabels.jobTitle, required: false, headers: ['jobtitle', 'title'] },
  office: { label: userAttributeLabels.office, required: false, headers: ['office'] },
  hiddenFromGlobalAddressList: {
    label: 'Hidden from address book',
    required: false,
    headers: ['hiddenfromaddressbook', 'hiddenfromglobaladdresslist', 'hidden'],
  },
  password: { label: 'Password', required: false, headers: ['password'] },
} as const satisfies Record<string, { label: string; required: boolean; headers: readonly string[] }>;

export type ImportColumn = keyof typeof importColumns;
export const importColumnNames = Object.keys(importColumns) as ImportColumn[];

/** Headers match without case, spaces, dashes or underscores: `Display name`, `display_name`, `displayName`. */
export const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

const byHeader = new Map<string, ImportColumn>(importColumnNames.flatMap((c) => importColumns[c].headers.map((h) => [h, c] as const)));

export type HeaderMapping = { ok: true; columns: (ImportColumn | null)[] } | { ok: false; problems: string[] };

/**
 * Which field each column of the header row fills. Every problem is named at once: unknown and repeated
 * columns, and the required ones missing. A column with a blank header is allowed only if it is empty in every row
 * (spreadsheets export trailing empty columns); the caller checks that per row.
 */
export function mapHeader(header: string[]): HeaderMapping {
  const problems: string[] = [];
  const seen = new Set<ImportColumn>();
  let unknown = false;
  const columns = header.map((raw, index) => {
    const text = raw.trim();
    if (text === '') return null;
    const column = byHeader.get(normalizeHeader(text));
    if (!column) {
      unknown = true;
      problems.push(`Column ${index + 1} "${text.slice(0, 64)}" is not a known column.`);
      return null;
    }
    if (seen.has(column)) problems.push(`Column ${index + 1} "${text.slice(0, 64)}" repeats the column ${importColumns[column].label}.`);
    seen.add(column);
    return column;
  });
  const missing = importColumnNames.filter((c) => importColumns[c].required && !seen.has(c));
  if (missing.length > 0) problems.push(`Required columns missing: ${missing.map((c) => importColumns[c].label).join(', ')}.`);
  if (unknown) problems.push(`Known columns: ${importColumnNames.join(', ')}.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}

/** A file to start from: the main columns and one example row on the organization's default domain. */
export function templateHref(domain: string | null): string {
  const template = [
    'name,displayName,email,firstName,lastName,department,jobTitle,password',
    `jdoe,Jane Doe,jdoe@${domain ?? 'example.com'},Jane,Doe,Sales,Account manager,invite`,
  ].join('\r\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`${template}\r\n`)}`;
}

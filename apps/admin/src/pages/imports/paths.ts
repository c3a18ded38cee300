/** App paths of the user-import pages of one organization. */
export const importsPath = (organizationId: string) => `/organizations/${organizationId}/imports`;
export const newImportPath = (organizationId: string) => `${importsPath(organizationId)}/new`;
export const importPath = (organizationId: string, importId: string) => `${importsPath(organizationId)}/${importId}`;

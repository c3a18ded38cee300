/** App paths of the *Migrate from WorkMail* pages of one organization. */
export const migrationsPath = (organizationId: string) => `/organizations/${organizationId}/migration`;
export const newMigrationPath = (organizationId: string) => `${migrationsPath(organizationId)}/new`;
export const migrationRunPath = (organizationId: string, runId: string) => `${migrationsPath(organizationId)}/${runId}`;

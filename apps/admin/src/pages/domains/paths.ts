export const domainsPath = (organizationId: string) => `/organizations/${organizationId}/domains`;
export const domainPath = (organizationId: string, domain: string) => `${domainsPath(organizationId)}/${encodeURIComponent(domain)}`;

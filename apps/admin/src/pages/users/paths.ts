/** App paths of the Users pages of one organization. */
export const usersPath = (organizationId: string) => `/organizations/${organizationId}/users`;
export const createUserPath = (organizationId: string) => `${usersPath(organizationId)}/create`;
export const userPath = (organizationId: string, userId: string) => `${usersPath(organizationId)}/${userId}`;
export const editUserPath = (organizationId: string, userId: string) => `${userPath(organizationId, userId)}/edit`;

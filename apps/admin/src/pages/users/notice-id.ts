/**
 * The one notification of the Users pages: each result replaces the previous one, so a run of changes to a user
 * leaves the latest outcome on screen, not a growing stack.
 */
export const USERS_NOTICE = 'users-result';

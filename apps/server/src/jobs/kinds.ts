/** Job kinds, named once: services enqueue them, the registry maps them to handlers. */
export const PROVISION_ORGANIZATION = 'organization.provision';
export const SEND_MAIL = 'mail.send';
export const DELETE_MAILBOX = 'mailbox.delete';
export const DELETE_ORGANIZATION = 'organization.delete';
export const IMPORT_USERS = 'users.import';
export const PRUNE_EXPIRED = 'housekeeping.prune';
export const CHECK_DOMAINS = 'domains.check';

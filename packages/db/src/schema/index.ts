export * from './accounts.ts';
export * from './entities.ts';
export * from './mailboxes.ts';
export * from './operations.ts';
export * from './organizations.ts';
export * from './self-service.ts';

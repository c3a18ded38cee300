export * from './grantee.ts';
export * from './models.ts';
export * from './schemas.ts';
export * from './types.ts';

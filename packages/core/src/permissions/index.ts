export * from './grantee.ts';
export * from './schemas.ts';
export * from './types.ts';

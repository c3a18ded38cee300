export * from './quota.ts';
export * from './schemas.ts';

export * from './notice.ts';
export * from './quota.ts';
export * from './schemas.ts';

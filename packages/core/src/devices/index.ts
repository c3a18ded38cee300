export * from './schemas.ts';
export * from './wipe.ts';

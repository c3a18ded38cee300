export * from './schemas.ts';
export * from './tokens.ts';

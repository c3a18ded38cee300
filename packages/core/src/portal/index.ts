export * from './models.ts';
export * from './rules.ts';
export * from './schemas.ts';
export * from './notices.ts';

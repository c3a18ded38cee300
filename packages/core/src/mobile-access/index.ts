export * from './evaluate.ts';
export * from './models.ts';
export * from './rules.ts';
export * from './schemas.ts';

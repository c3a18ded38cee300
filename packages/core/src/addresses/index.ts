export * from './address.ts';
export * from './aliases.ts';
export * from './models.ts';

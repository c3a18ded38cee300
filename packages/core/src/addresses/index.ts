export * from './address.ts';
export * from './aliases.ts';

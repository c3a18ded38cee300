export * from './codes.ts';
export * from './domain-error.ts';
export * from './refusal.ts';

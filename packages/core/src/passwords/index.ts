export * from './new-password.ts';
export * from './policy.ts';

export * from './history.ts';
export * from './new-password.ts';
export * from './operator.ts';
export * from './policy.ts';

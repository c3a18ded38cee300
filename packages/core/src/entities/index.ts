export * from './ids.ts';
export * from './lifecycle.ts';
export * from './names.ts';
export * from './reference.ts';
export * from './state.ts';

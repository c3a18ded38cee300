export * from './lifecycle.ts';
export * from './names.ts';
export * from './nesting.ts';
export * from './schemas.ts';

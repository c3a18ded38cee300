export * from './lifecycle.ts';
export * from './models.ts';
export * from './names.ts';
export * from './nesting.ts';
export * from './schemas.ts';

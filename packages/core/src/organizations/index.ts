export * from './alias.ts';
export * from './deletion.ts';
export * from './ids.ts';
export * from './schemas.ts';
export * from './state.ts';
export * from './tags.ts';

export * from './entries.ts';
export * from './failures.ts';
export * from './ids.ts';
export * from './managed.ts';
export * from './models.ts';
export * from './presets.ts';
export * from './schemas.ts';
export * from './sync.ts';

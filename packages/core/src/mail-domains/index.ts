export * from './changes.ts';
export * from './models.ts';
export * from './names.ts';
export * from './records.ts';
export * from './schemas.ts';
export * from './usable.ts';
export * from './verification.ts';

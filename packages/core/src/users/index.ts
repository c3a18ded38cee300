export * from './attributes.ts';
export * from './identity-provider.ts';
export * from './lifecycle.ts';
export * from './models.ts';
export * from './names.ts';
export * from './roles.ts';
export * from './schemas.ts';
export * from './system.ts';

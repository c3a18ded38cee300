export * from './evaluate.ts';
export * from './ip.ts';
export * from './limits.ts';
export * from './mail-sign-in.ts';
export * from './models.ts';
export * from './schemas.ts';

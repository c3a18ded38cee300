export * from './booking.ts';
export * from './ids.ts';
export * from './lifecycle.ts';
export * from './models.ts';
export * from './names.ts';
export * from './schemas.ts';

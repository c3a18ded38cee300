export * from './columns.ts';
export * from './csv.ts';
export * from './models.ts';
export * from './rows.ts';
export * from './schemas.ts';

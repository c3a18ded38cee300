export * from './cursor.ts';
export * from './sorting.ts';

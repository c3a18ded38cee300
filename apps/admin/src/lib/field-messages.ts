import type { FieldError } from 'react-hook-form';

/**
 * Every message of a field's error. Forms with `criteriaMode: 'all'` collect them all, so a password that breaks
 * three rules shows three sentences, not only the first.
 */
export function fieldMessages(error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  const all = Object.values(error.types ?? {}).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
  const unique = [...new Set(all.length > 0 ? all : [error.message ?? ''])].filter(Boolean);
  return unique.join(' ') || undefined;
}

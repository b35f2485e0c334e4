import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/problem';

/**
 * Puts the server's field errors (problem+json "errors") on the form's fields. Returns true when every
 * error found a field; otherwise the caller shows the rest above the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  alias: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  let all = true;
  for (const problem of error.errors) {
    const name = alias[problem.field] ?? problem.field.replace(/\[(\d+)\]/g, '.$1');
    const known = fields.some((f) => name === f || name.startsWith(`${f}.`));
    if (known) setError(name as Path<T>, { type: 'server', message: problem.message });
    else all = false;
  }
  return all;
}

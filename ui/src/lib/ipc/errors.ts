import type { ApiError } from './types';

/** Whatever a command rejected with, as an ApiError the UI can branch on. */
export function toApiError(error: unknown): ApiError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const e = error as Partial<ApiError>;
    if (typeof e.code === 'string' && typeof e.message === 'string') {
      return { code: e.code, message: e.message, field: e.field ?? null };
    }
  }
  // Tauri rejects arguments it cannot deserialise with a plain string.
  return { code: 'invalid', message: typeof error === 'string' ? error : String(error), field: null };
}

/** Errors keyed by the form field they belong to; `null` collects the rest. */
export type FieldErrors = Record<string, string>;

/** Splits an error into the field it names (when the form shows that field) and the rest. */
export function fieldErrors(error: ApiError, fields: readonly string[]): { byField: FieldErrors; general: string | null } {
  if (error.code === 'invalid' && error.field) {
    const field = fields.find((f) => error.field === f || error.field?.startsWith(`${f}[`) || error.field?.startsWith(`${f}.`));
    if (field) return { byField: { [field]: error.message }, general: null };
    return { byField: {}, general: `${error.field}: ${error.message}` };
  }
  return { byField: {}, general: error.message };
}

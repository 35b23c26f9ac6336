/**
 * For forms that handle their own failures (mutation meta `silentError`): field errors go beside
 * their fields, and the returned text goes in the form's alert.
 */
import type { FormInstance } from 'antd';
import { formFieldErrors, isApiError } from './api-error.ts';
import { errorMessage } from './error-message.ts';

export function applyFormError(form: FormInstance, error: unknown): string {
  if (isApiError(error) && error.fieldErrors.length > 0) {
    // Only fields the form has; a pointer to something else is covered by the alert text.
    const known = formFieldErrors(error).filter((f) => form.getFieldInstance(f.name) !== undefined);
    form.setFields(known);
  }
  return errorMessage(error);
}

/**
 * The server names password-policy problems in English (`/body/newPassword: at least 8
 * characters`); officials read them in their language beside the field. A message this build does
 * not know yet is shown as the server wrote it.
 */
import type { FormInstance } from 'antd';
import { formFieldErrors, isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { i18n } from '@/shared/i18n/i18n.ts';

const known = {
  'at least 8 characters': 'auth.password.policy.length',
  'at least 3 of: lower-case, upper-case, digits, symbols': 'auth.password.policy.classes',
  'not a common password': 'auth.password.policy.common',
  'must not contain the username': 'auth.password.policy.username',
  'must differ from the current password': 'auth.password.policy.different',
  'wrong password': 'auth.password.wrongCurrent',
} as const;

export function passwordProblemText(message: string): string {
  const key = known[message as keyof typeof known];
  return key ? i18n.t(key) : message;
}

/** Puts the server's field errors on the fields; returns text for the form's alert, if any is left. */
export function applyPasswordErrors(form: FormInstance, error: unknown): string | null {
  if (isApiError(error) && error.fieldErrors.length > 0) {
    const fields = formFieldErrors(error).filter((f) => form.getFieldInstance(f.name) !== undefined);
    if (fields.length > 0) {
      form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors.map(passwordProblemText) })));
      return null;
    }
  }
  return errorMessage(error);
}

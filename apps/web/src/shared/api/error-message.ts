/**
 * What an official reads when a call fails: the translated text for the stable error code, not
 * the server's English detail. Unknown codes (a newer server) fall back to the server's words.
 */
import { i18n } from '@/shared/i18n/i18n.ts';
import { isApiError, type ApiErrorCode } from './api-error.ts';

export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return i18n.t('errors.fallback');
  const key = `errors.${error.code}`;
  const text = i18n.exists(key) ? i18n.t(`errors.${error.code as ApiErrorCode}`) : (error.detail ?? error.title);
  // Server faults are reported to an administrator; the request ID finds the log line.
  return error.status >= 500 && error.requestId ? `${text} (${i18n.t('errors.requestId', { id: error.requestId })})` : text;
}

/** Numbers and durations as the import screens show them. */
import type { TFunction } from 'i18next';

export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}

/** Time left, rounded up: seconds under 90 s, minutes above. Null when the server cannot tell yet. */
export function formatEta(seconds: number | null, t: TFunction): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  return seconds < 90
    ? t('imports.progress.etaSeconds', { n: Math.max(1, Math.ceil(seconds)) })
    : t('imports.progress.etaMinutes', { n: Math.ceil(seconds / 60) });
}

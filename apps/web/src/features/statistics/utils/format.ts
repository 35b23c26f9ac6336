/**
 * How figures read on screen. A rate without a denominator (nothing due, nothing evaluated) is
 * not 0 %: it is shown as a dash, so an empty period never looks like a failing one.
 */
export const NO_VALUE = '—';

const counts = new Intl.NumberFormat('zh-CN');

/** 0.8534 → 85.3%; null → —. One decimal everywhere, so a column of rates lines up. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NO_VALUE;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 1234 → 1,234. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** Average working days, one decimal; null (nothing closed) → —. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return NO_VALUE;
  return (Math.round(days * 10) / 10).toFixed(1);
}

/** A share of a whole; null when the whole is empty. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

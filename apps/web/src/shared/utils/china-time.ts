/**
 * Times as the county reads them: China time (UTC+8, no daylight saving) whatever the browser's
 * zone. A deadline ends at 24:00 of its day, stored as 00:00 of the next; it is shown as 24:00.
 * Not a time (a missing or broken value) reads as a dash.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const NOT_A_TIME = '—';

function chinaParts(iso: string): { day: string; time: string } | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const local = new Date(t + CHINA_OFFSET_MS).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

/** `2026-10-08 09:30` in China time. */
export function chinaDateTime(iso: string): string {
  const parts = chinaParts(iso);
  return parts ? `${parts.day} ${parts.time}` : NOT_A_TIME;
}

/** A due time: midnight reads as `24:00` of the day before (民法典 §203: a period ends at 24:00). */
export function chinaDueTime(iso: string): string {
  const parts = chinaParts(iso);
  if (!parts) return NOT_A_TIME;
  if (parts.time !== '00:00') return `${parts.day} ${parts.time}`;
  const previous = new Date(Date.parse(iso) + CHINA_OFFSET_MS - 86_400_000).toISOString().slice(0, 10);
  return `${previous} 24:00`;
}

/** The China-time calendar day of an instant, `YYYY-MM-DD`. */
export function chinaDay(iso: string): string {
  return chinaParts(iso)?.day ?? NOT_A_TIME;
}

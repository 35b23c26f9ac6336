/** Calendar arithmetic on 'YYYY-MM-DD' days and 'YYYY-MM' months (China dates, no time zone involved). */

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** First and last day of a month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/** The China-local day (UTC+8, no daylight saving) of an instant. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A period split into whole months and the days at its edges: [from, to] = days before the first
 * whole month + the whole months (by their first days) + days after the last one. With `today`: a
 * period reaching today holds nothing after it, so its last month counts as whole (month to date).
 */
export function splitMonths(
  from: string,
  to: string,
  today?: string,
): { months: [string, string] | null; days: [string, string][] } {
  const first = from.endsWith('-01') ? from : `${shiftMonth(from.slice(0, 7), 1)}-01`;
  const monthEnd = monthRange(to.slice(0, 7)).to;
  const lastEnd = monthEnd === to || (today !== undefined && to >= today) ? monthEnd : addDays(`${to.slice(0, 7)}-01`, -1);
  if (first > lastEnd) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < first) days.push([from, addDays(first, -1)]);
  if (lastEnd < to) days.push([addDays(lastEnd, 1), to]);
  return { months: [first, `${lastEnd.slice(0, 7)}-01`], days };
}

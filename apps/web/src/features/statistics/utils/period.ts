/**
 * Periods as China counts them: calendar dates in China time (UTC+8), weeks from Monday. A
 * period is two inclusive dates, the shape the statistics and supervision endpoints take.
 */
export interface Period {
  from: string;
  to: string;
}

export const PeriodPresets = ['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PeriodPresets)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** Today's date in China at the instant `now`. */
export function chinaToday(now: Date = new Date()): string {
  return iso(new Date(now.getTime() + 8 * 3_600_000));
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/**
 * The dates of a preset around `today`. Current periods end today (nothing after today has
 * happened); past ones end on their last day. `custom` has no dates of its own.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const d = utc(today);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (preset) {
    case 'thisMonth':
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: today };
    case 'lastMonth':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
    case 'thisWeek':
    case 'lastWeek': {
      // getUTCDay: Sunday 0; a Chinese week starts on Monday.
      const monday = addDays(today, -((d.getUTCDay() + 6) % 7));
      return preset === 'thisWeek' ? { from: monday, to: today } : { from: addDays(monday, -7), to: addDays(monday, -1) };
    }
  }
}

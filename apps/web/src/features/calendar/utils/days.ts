/**
 * The editor's model of a year: which days are holidays (休) and which weekend days are worked (班).
 * Days are 'YYYY-MM-DD' strings and weekdays come from the date alone, so no time zone is involved.
 */
export interface DraftYear {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted';

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}
export const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

export function kindOf(draft: DraftYear, day: string): DayKind {
  if (draft.holidays.has(day)) return 'holiday';
  if (draft.workdays.has(day)) return 'adjusted';
  return isWeekend(day) ? 'weekend' : 'workday';
}

/** One click: a weekday goes working ↔ 休; a weekend day goes rest → 班 → 休 → rest. */
export function toggleDay(draft: DraftYear, day: string): DraftYear {
  const holidays = new Set(draft.holidays);
  const workdays = new Set(draft.workdays);
  const kind = kindOf(draft, day);
  holidays.delete(day);
  workdays.delete(day);
  if (kind === 'workday') holidays.add(day);
  else if (kind === 'weekend') workdays.add(day);
  else if (kind === 'adjusted') holidays.add(day);
  return { holidays, workdays };
}

/** The weeks of a month as rows of seven cells, Monday first (as Chinese calendars print them); null pads. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOf(dayOf(year, month, 1)) + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(dayOf(year, month, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export const sortedDays = (days: ReadonlySet<string>) => [...days].sort();

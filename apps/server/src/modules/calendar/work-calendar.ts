/**
 * The working calendar (工作日历) and deadline counting by the Civil Code (民法典 §201–203). Pure:
 * no I/O, no clock. China local time is Asia/Shanghai, a fixed UTC+8 with no daylight saving, so
 * local days are computed with a plain +8 h offset; days are 'YYYY-MM-DD' strings.
 *
 * Counting: the start day (the local day of the start instant) is not counted; N working days end at
 * 24:00 of the Nth working day after it; N months end at 24:00 of the same-numbered day N months
 * later (the month's last day when it has no such day), moved to the next working day when that is a
 * rest day. A year without a calendar counts Monday–Friday as working days, and every result says
 * which such years it touched (`missingYears`) so nobody trusts a guessed deadline silently.
 */

export interface YearCalendar {
  year: number;
  /** Official rest days, weekend days inside a break included. */
  holidays: string[];
  /** Adjusted workdays (调休): weekend days that are worked. */
  workdays: string[];
  source: 'official' | 'admin' | 'import';
}

export interface DeadlineRule {
  /** Working days after the start day; 0 = 24:00 of the start day itself. */
  workdays?: number;
  /** Calendar months after the start day, ending on a working day. */
  months?: number;
  /** Yellow from 00:00 of the Nth working day before the due day; default 0 = from 00:00 of the due day itself. */
  yellowWorkdaysBefore?: number;
}

export interface Deadline {
  /** 24:00 local of dueDate, i.e. the next local midnight. */
  dueAt: Date;
  /** When the light turns yellow; never before the start instant. */
  yellowAt: Date;
  dueDate: string;
  /** Years whose working days were consulted without a calendar (computed Monday–Friday), ascending. */
  missingYears: number[];
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string, or NaN when it is not a real date. */
export function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / DAY_MS;
}

export const isDay = (day: string): boolean => !Number.isNaN(dayNumber(day));

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: string): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

const yearOf = (n: number) => new Date(n * DAY_MS).getUTCFullYear();
/** 00:00 China time of a day number, as an instant. */
const midnight = (n: number) => new Date(n * DAY_MS - OFFSET_MS);
const localDayNumber = (instant: Date) => Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);

function requireDay(day: string): number {
  const n = dayNumber(day);
  if (Number.isNaN(n)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  return n;
}

function requireCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min || n > 10_000) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${n}`);
}

export class WorkCalendar {
  readonly #years = new Map<number, { holidays: Set<number>; workdays: Set<number> }>();

  constructor(years: YearCalendar[]) {
    for (const y of years) {
      this.#years.set(y.year, {
        holidays: new Set(y.holidays.map(requireDay)),
        workdays: new Set(y.workdays.map(requireDay)),
      });
    }
  }

  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** Working day by the year's calendar; a year without one counts Monday–Friday. */
  isWorkday(day: string): boolean {
    return this.#isWorkday(requireDay(day));
  }

  /** The China local day of an instant. */
  localDay(instant: Date): string {
    return dayString(localDayNumber(instant));
  }

  deadline(start: Date, rule: DeadlineRule): Deadline {
    const touched = new Set<number>();
    const startDay = localDayNumber(start);
    let due: number;
    if (rule.workdays !== undefined && rule.months === undefined) {
      requireCount('workdays', rule.workdays, 0);
      due = this.#walk(startDay, rule.workdays, touched);
    } else if (rule.months !== undefined && rule.workdays === undefined) {
      requireCount('months', rule.months, 1);
      due = this.#monthsLater(startDay, rule.months);
      while (!this.#isWorkday(due, touched)) due++;
    } else {
      throw new RangeError('A deadline rule gives either workdays or months');
    }
    const before = rule.yellowWorkdaysBefore ?? 0;
    requireCount('yellowWorkdaysBefore', before, 0);
    const yellowDay = before === 0 ? due : this.#walk(due, -before, touched);
    const yellowAt = new Date(Math.max(midnight(yellowDay).getTime(), start.getTime()));
    return { dueAt: midnight(due + 1), yellowAt, dueDate: dayString(due), missingYears: sorted(touched) };
  }

  /**
   * The nth working day after `day` (`day` itself not counted); n = 0 gives `day`; a negative n
   * counts back: the |n|th working day before `day`.
   */
  addWorkdays(day: string, n: number): { day: string; missingYears: number[] } {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    const touched = new Set<number>();
    const result = this.#walk(requireDay(day), n, touched);
    return { day: dayString(result), missingYears: sorted(touched) };
  }

  /**
   * Whole working days between two instants: the working days whose 24:00 lies in (from, to].
   * An integer, never fractional: a working day counts once it has fully ended, so "days late"
   * (from = dueAt, to = closing) is 0 until a whole working day has passed after the deadline, and
   * "working days to close" (from = reporting, to = closing) does not count the reporting day
   * unless it ended before the closing. When to < from the result is the negated count over
   * (to, from], so workdaysBetween(a, b) = −workdaysBetween(b, a).
   */
  workdaysBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return 0 - this.workdaysBetween(to, from);
    // Day d ends at midnight(d + 1): the first day to end after `from` is from's own day; the last
    // to end by `to` is the day before to's.
    const last = localDayNumber(to) - 1;
    let count = 0;
    for (let d = localDayNumber(from); d <= last; d++) if (this.#isWorkday(d)) count++;
    return count;
  }

  /**
   * Working days left from `now` until `dueAt`: the working days whose 24:00 lies in (now, dueAt],
   * so today counts while it is a working day (on the due day: 1). Once late it is negative: minus
   * the whole working days since dueAt, hence 0 during the first working day after the deadline.
   * Lateness itself is `now >= dueAt`; this number is for display and sorting.
   */
  workdaysLeft(now: Date, dueAt: Date): number {
    return this.workdaysBetween(now, dueAt);
  }

  #isWorkday(n: number, touched?: Set<number>): boolean {
    const year = yearOf(n);
    const cal = this.#years.get(year);
    if (cal?.holidays.has(n)) return false;
    if (cal?.workdays.has(n)) return true;
    if (!cal) touched?.add(year);
    const weekday = (((n + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  /** The |n|th working day after (n > 0) or before (n < 0) day number `from`. */
  #walk(from: number, n: number, touched: Set<number>): number {
    const step = n < 0 ? -1 : 1;
    let d = from;
    for (let left = Math.abs(n); left > 0;) {
      d += step;
      if (this.#isWorkday(d, touched)) left--;
    }
    return d;
  }

  /** §202: the same-numbered day `months` later, or that month's last day when it has none. */
  #monthsLater(day: number, months: number): number {
    const date = new Date(day * DAY_MS);
    const target = date.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), target + 1, 0)).getUTCDate();
    return Date.UTC(date.getUTCFullYear(), target, Math.min(date.getUTCDate(), lastDay)) / DAY_MS;
  }
}

const sorted = (years: Set<number>) => [...years].sort((a, b) => a - b);

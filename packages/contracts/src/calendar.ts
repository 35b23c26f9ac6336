/** The working calendar (工作日历): official rest days and adjusted workdays per year, warnings, deadline preview. */
import { Type, type Static } from 'typebox';
import { DateOnly, DateTime, Id } from './common.ts';

export const CalendarYearNumber = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year' });
export const CalendarYearParams = Type.Object({ year: CalendarYearNumber }, { additionalProperties: false });
export type CalendarYearParams = Static<typeof CalendarYearParams>;

export const CalendarSource = Type.Enum(['official', 'admin', 'import'] as const);
export type CalendarSource = Static<typeof CalendarSource>;

const Days = (description: string) => Type.Array(DateOnly, { maxItems: 366, description });

export const CalendarYear = Type.Object({
  year: CalendarYearNumber,
  holidays: Days('Rest days of the official arrangement, weekend days inside a break included'),
  workdays: Days('Adjusted workdays (调休): weekend days that are worked'),
  source: CalendarSource,
  updatedAt: DateTime,
  updatedBy: Type.Union([Id, Type.Null()]),
});
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarYearPut = Type.Object(
  {
    holidays: Days('Rest days, all in the year, at least one'),
    workdays: Days('Adjusted workdays, all in the year, each a Saturday or Sunday, none also a holiday'),
  },
  { additionalProperties: false },
);
export type CalendarYearPut = Static<typeof CalendarYearPut>;

export const CalendarYearList = Type.Object({
  items: Type.Array(CalendarYear),
  /** Years from the first stored one to next year that have no calendar (counted Monday–Friday). */
  missingYears: Type.Array(CalendarYearNumber),
});
export type CalendarYearList = Static<typeof CalendarYearList>;

/**
 * An import: `content` is the file's text.
 * - json: `{ "year"?: 2027, "holidays": [...], "workdays": [...] }` with arrays of dates, or the
 *   `chinese-days` year file (dist/years/2027.json) whose lists are objects keyed by date (names ignored).
 * - csv: one `date,kind[,name]` row per day, kind `holiday` (or 休) / `workday` (or 班); a header
 *   row, blank lines and lines starting with # are skipped.
 * The year is `year` when given, else the one year every date belongs to.
 */
export const CalendarImport = Type.Object(
  {
    format: Type.Enum(['json', 'csv'] as const),
    content: Type.String({ minLength: 1, maxLength: 200_000 }),
    year: Type.Optional(CalendarYearNumber),
  },
  { additionalProperties: false },
);
export type CalendarImport = Static<typeof CalendarImport>;

export const CalendarWarningReason = Type.Enum(['currentYear', 'nextYear', 'deadline'] as const);
export type CalendarWarningReason = Static<typeof CalendarWarningReason>;
export const CalendarWarning = Type.Object({
  year: CalendarYearNumber,
  /** currentYear: this year has none; nextYear: it is past 1 November; deadline: a stored deadline fell in it. */
  reason: CalendarWarningReason,
  notedAt: Type.Union([DateTime, Type.Null()]),
});
export type CalendarWarning = Static<typeof CalendarWarning>;
export const CalendarWarnings = Type.Object({ items: Type.Array(CalendarWarning) });
export type CalendarWarnings = Static<typeof CalendarWarnings>;

export const CalendarDeadlineQuery = Type.Object(
  {
    start: DateTime,
    workdays: Type.Optional(Type.Integer({ minimum: 0, maximum: 250 })),
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
    yellowWorkdaysBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
  },
  { additionalProperties: false },
);
export type CalendarDeadlineQuery = Static<typeof CalendarDeadlineQuery>;
export const CalendarDeadline = Type.Object({
  start: DateTime,
  startDate: DateOnly,
  dueDate: DateOnly,
  /** 24:00 China time of dueDate. */
  dueAt: DateTime,
  yellowAt: DateTime,
  /** Years consulted without a calendar: counted Monday–Friday. */
  missingYears: Type.Array(Type.Integer()),
});
export type CalendarDeadline = Static<typeof CalendarDeadline>;

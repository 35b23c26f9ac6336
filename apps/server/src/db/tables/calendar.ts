import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** 'YYYY-MM-DD' days; select them cast to text[] (`holidays::text[]`) so both drivers return strings. */
type Days = ColumnType<string[], string[], string[]>;

export interface WorkCalendarYearTable {
  year: number;
  holidays: Days;
  workdays: Days;
  source: 'official' | 'admin' | 'import';
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface WorkCalendarNeedTable {
  year: number;
  first_noted_at: Timestamp;
  last_noted_at: Timestamp;
}

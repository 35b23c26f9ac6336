/** SQL for the working calendar: one row per year with a calendar, and the years deadlines needed without one. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface CalendarYearRow {
  year: number;
  holidays: string[];
  workdays: string[];
  source: 'official' | 'admin' | 'import';
  updated_at: Date;
  updated_by: number | null;
}

// date[] comes back as Date objects from pg and as text from PGlite: cast to text[] for both.
const yearColumns = [
  'year',
  sql<string[]>`holidays::text[]`.as('holidays'),
  sql<string[]>`workdays::text[]`.as('workdays'),
  'source',
  'updated_at',
  'updated_by',
] as const;

export const calendarRepo = {
  async listYears(db: Q): Promise<CalendarYearRow[]> {
    return db.selectFrom('work_calendar_year').select(yearColumns).orderBy('year').execute();
  },

  async findYear(db: Q, year: number): Promise<CalendarYearRow | undefined> {
    return db.selectFrom('work_calendar_year').select(yearColumns).where('year', '=', year).executeTakeFirst();
  },

  /** Locks the year's row (if any) for the rest of the transaction, so two edits never cross. */
  async lockYear(tx: Transaction<Database>, year: number): Promise<CalendarYearRow | undefined> {
    return tx.selectFrom('work_calendar_year').select(yearColumns).where('year', '=', year).forUpdate().executeTakeFirst();
  },

  async upsertYear(db: Q, row: CalendarYearRow): Promise<void> {
    const values = {
      ...row,
      holidays: sql<string[]>`${row.holidays}::date[]`,
      workdays: sql<string[]>`${row.workdays}::date[]`,
    };
    await db
      .insertInto('work_calendar_year')
      .values(values)
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({
          holidays: values.holidays,
          workdays: values.workdays,
          source: row.source,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  },

  async noteNeeds(db: Q, years: number[], at: Date): Promise<void> {
    await db
      .insertInto('work_calendar_need')
      .values(years.map((year) => ({ year, first_noted_at: at, last_noted_at: at })))
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_noted_at: at }))
      .execute();
  },

  /** Years a deadline needed that still have no calendar. */
  async openNeeds(db: Q): Promise<{ year: number; first_noted_at: Date }[]> {
    return db
      .selectFrom('work_calendar_need as n')
      .select(['n.year', 'n.first_noted_at'])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('work_calendar_year as y').select('y.year').whereRef('y.year', '=', 'n.year'))),
      )
      .orderBy('n.year')
      .execute();
  },
};

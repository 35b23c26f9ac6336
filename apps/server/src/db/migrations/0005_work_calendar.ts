import { sql, type Kysely } from 'kysely';
import { officialYears } from '../../modules/calendar/official-calendar.ts';
import { runScript } from './script.ts';

/**
 * The working calendar (工作日历): one row per year that has a calendar, holding its rest days and its
 * adjusted workdays (调休); a year without a row counts Monday–Friday and is warned about. Years a
 * stored deadline touched without a calendar are remembered in work_calendar_need until an
 * administrator enters them.
 *
 * Seeds the official years 2004–2026 from the bundled official-calendar.json. The cut-off is fixed
 * so this migration does the same thing forever: a later official year ships in a later migration
 * (insert … on conflict do nothing, so a year an administrator already entered is kept).
 */
export const SEEDED_THROUGH = 2026;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table work_calendar_year (
      year int primary key check (year between 1900 and 2200),
      holidays date[] not null default '{}',
      workdays date[] not null default '{}',
      source text not null check (source in ('official','admin','import')),
      updated_at timestamptz not null,
      updated_by int references user_account(id)
    );

    create table work_calendar_need (
      year int primary key,
      first_noted_at timestamptz not null,
      last_noted_at timestamptz not null
    );
    `,
  );
  for (const y of officialYears().filter((x) => x.year <= SEEDED_THROUGH)) {
    await sql`
      insert into work_calendar_year (year, holidays, workdays, source, updated_at)
      values (${y.year}, ${y.holidays}::date[], ${y.workdays}::date[], 'official', now())
      on conflict (year) do nothing`.execute(db);
  }
}

import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * The command center's stock figures of each day (open, red and yellow tickets, people, households,
 * grids, staff on duty), per unit down to the grid, for its subtree: what "the same day last month"
 * compares with. Written by the `dashboard.day-figures` job (hourly; the last run of a day stands);
 * tickets and base data keep no history of these counts, so they cannot be computed afterwards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table unit_day_figure (
      unit_id integer not null references unit (id) on delete cascade,
      day date not null,
      open integer not null,
      red integer not null,
      yellow integer not null,
      people integer not null,
      households integer not null,
      grids integer not null,
      staff_on_duty integer not null,
      recorded_at timestamptz not null,
      primary key (unit_id, day)
    );
    create index unit_day_figure_day on unit_day_figure (day);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop table unit_day_figure;`);
}

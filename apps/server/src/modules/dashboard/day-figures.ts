/**
 * The day figures (unit_day_figure): each unit's stock figures for its subtree, from the county down
 * to the grid, recorded for the current China day. Tickets and base data keep no history of how many
 * were open or red, or how many people lived in a unit, on a given day; so what the command center
 * compares with "the same day last month" must be written down on that day. The job runs hourly and
 * the day's row is replaced each time: the last run of the day (23:55) stands for its end. Rows older
 * than three years go (the dashboard looks back one month from any month it shows).
 */
import { sql } from 'kysely';
import type { DashboardFigures } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { UnitDayFigureTable } from '../../db/tables/dashboard.ts';
import { addDays, chinaDay } from '../../lib/periods.ts';
import { unitBaseCounts } from './base-counts.ts';
import { dashboardRepo } from './dashboard.repo.ts';

/** The levels the command center drills through; micro-grids and household groups roll into their grid. */
const RECORDED_KINDS = new Set(['county', 'township', 'village', 'grid']);
const KEEP_DAYS = 3 * 366;
const BATCH = 1000;

type Figures = Omit<UnitDayFigureTable, 'unit_id' | 'day' | 'recorded_at'>;

const zero = (): Figures => ({ open: 0, red: 0, yellow: 0, people: 0, households: 0, grids: 0, staff_on_duty: 0 });

/** Adds `part` to the unit at `path` and to each of its ancestors that is recorded. */
function rollUp(totals: Map<string, Figures>, path: string, part: Partial<Figures>) {
  let end = path.length;
  for (;;) {
    const f = totals.get(path.slice(0, end));
    if (f) for (const [k, v] of Object.entries(part) as [keyof Figures, number][]) f[k] += v;
    end = path.lastIndexOf('.', end - 1);
    if (end < 0) return;
  }
}

/** Records today's figures of every unit down to the grid; returns the day and how many units. */
export async function recordDayFigures(db: Db, now: Date): Promise<{ day: string; units: number }> {
  const day = chinaDay(now);
  const [units, open] = await Promise.all([unitBaseCounts(db, day), dashboardRepo.openByUnit(db, now)]);
  const totals = new Map<string, Figures>();
  const ids = new Map<string, number>();
  for (const u of units)
    if (RECORDED_KINDS.has(u.kind)) {
      totals.set(u.path, zero());
      ids.set(u.path, u.id);
    }
  for (const u of units)
    rollUp(totals, u.path, { people: u.people, households: u.households, grids: u.grids, staff_on_duty: u.staffOnDuty });
  for (const o of open) rollUp(totals, o.path, { open: o.open, red: o.red, yellow: o.yellow });

  const rows = [...totals].map(([path, f]) => ({ unit_id: ids.get(path)!, day, ...f, recorded_at: now }));
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH)
      await trx
        .insertInto('unit_day_figure')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) =>
          oc.columns(['unit_id', 'day']).doUpdateSet((eb) => ({
            open: eb.ref('excluded.open'),
            red: eb.ref('excluded.red'),
            yellow: eb.ref('excluded.yellow'),
            people: eb.ref('excluded.people'),
            households: eb.ref('excluded.households'),
            grids: eb.ref('excluded.grids'),
            staff_on_duty: eb.ref('excluded.staff_on_duty'),
            recorded_at: eb.ref('excluded.recorded_at'),
          })),
        )
        .execute();
    await trx.deleteFrom('unit_day_figure').where('day', '<', addDays(day, -KEEP_DAYS)).execute();
  });
  return { day, units: rows.length };
}

/** The figures recorded for a unit on a day, as the dashboard shows them; null if none were. */
export async function recordedFigures(db: Db, unitId: number, day: string): Promise<DashboardFigures['recorded']> {
  const r = await db.db
    .selectFrom('unit_day_figure')
    .select([sql<string>`day::text`.as('day'), 'open', 'red', 'yellow', 'people', 'households', 'grids', 'staff_on_duty'])
    .where('unit_id', '=', unitId)
    .where('day', '=', day)
    .executeTakeFirst();
  if (!r) return null;
  const { staff_on_duty, ...rest } = r;
  return { ...rest, staffOnDuty: staff_on_duty };
}

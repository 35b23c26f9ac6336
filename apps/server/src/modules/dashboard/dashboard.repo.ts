/** SQL for the command center: the live look at open tickets, child units, lists. */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

const OPEN = sql`t.state in ('reported','accepted','assigned','inProgress')`;
const late = (now: Date) => sql`(t.resolve_due_at <= ${now} or (t.dispatched_at is null and t.accept_due_at <= ${now})
  or (t.feedback_at is null and t.feedback_due_at <= ${now}))`;

const liveColumns = sql`t.unit_path, t.received_at, t.resolve_due_at, t.dispatched_at, t.accept_due_at, t.feedback_at,
  t.feedback_due_at, t.light`;

export const dashboardRepo = {
  /**
   * Every live figure of a view from one pass over the area's open tickets: per child unit, month of
   * receipt and whether received in the previous period, how many are open, due (their resolve
   * deadline has passed: `due` counts them with the closed; so do resolved or verified tickets past
   * it, not yet closed), red (late) and yellow. The summaries are read without their own look at
   * open tickets and these are added (see DashboardService).
   */
  async openFigures(db: Db, path: string, now: Date, prev: { from: Date; to: Date }) {
    const depth = path.split('.').length;
    const r = await sql<{
      key: string | null;
      month: string;
      in_prev: boolean;
      open: number;
      due: number;
      red: number;
      yellow: number;
    }>`
      select case when nlevel(t.unit_path) > ${depth} then ltree2text(subpath(t.unit_path, ${depth}, 1)) end as key,
        to_char(((t.received_at at time zone 'UTC') + interval '8 hours')::date, 'YYYY-MM') as month,
        (t.received_at >= ${prev.from} and t.received_at < ${prev.to}) as in_prev,
        count(*) filter (where t.open)::int as open, count(*) filter (where t.resolve_due_at <= ${now})::int as due,
        count(*) filter (where t.open and ${late(now)})::int as red,
        count(*) filter (where t.open and not ${late(now)} and t.light = 'yellow')::int as yellow
      from (
        select true as open, ${liveColumns} from ticket t where ${OPEN} and t.unit_path <@ ${path}::ltree
        union all
        select false as open, ${liveColumns} from ticket t
        where t.state in ('resolved','verified') and t.resolve_due_at <= ${now} and t.unit_path <@ ${path}::ltree
      ) t
      group by 1, 2, 3`.execute(db.db);
    return r.rows;
  },

  /** Open, red and yellow tickets per unit the tickets belong to (the day figures roll them up). */
  async openByUnit(db: Db, now: Date) {
    const r = await sql<{ path: string; open: number; red: number; yellow: number }>`
      select t.unit_path::text as path, count(*)::int as open, count(*) filter (where ${late(now)})::int as red,
        count(*) filter (where not ${late(now)} and t.light = 'yellow')::int as yellow
      from ticket t where ${OPEN} group by t.unit_path`.execute(db.db);
    return r.rows;
  },

  async children(db: Db, unitId: number) {
    return db.db
      .selectFrom('unit')
      .select(['id', 'code', 'name', 'kind', 'path', sql<boolean>`geometry is not null`.as('has_geometry')])
      .where('parent_id', '=', unitId)
      .where('status', '=', 'active')
      .orderBy('code')
      .execute();
  },

  /** Open tickets past a deadline, the longest late first. */
  async redList(db: Db, path: string, now: Date, limit: number) {
    const r = await sql<{
      id: number;
      code: string;
      title: string;
      state: string;
      holder: string;
      unit: string;
      due_at: Date;
      supervision_level: string | null;
    }>`
      with t as (
        select t.id, t.code, t.title, t.state, t.unit_id, t.holder_unit_id, t.holder_department_id, t.supervision_level,
          least(t.resolve_due_at, case when t.dispatched_at is null then t.accept_due_at end,
                case when t.feedback_at is null then t.feedback_due_at end) as due_at
        from ticket t
        where ${OPEN} and t.unit_path <@ ${path}::ltree and ${late(now)}
        order by due_at, t.id limit ${limit}
      )
      select t.id, t.code, t.title, t.state, coalesce(d.name, h.name) as holder, u.name as unit, t.supervision_level, t.due_at
      from t join unit u on u.id = t.unit_id join unit h on h.id = t.holder_unit_id
      left join department d on d.id = t.holder_department_id
      order by t.due_at, t.id`.execute(db.db);
    return r.rows;
  },

  /**
   * The newest reports. A county or township has many: walk the receipt-time index and keep the
   * first in the area. A village or below has few among the county's many: look in the last 30 days
   * first (area and time are one index), and only when that holds fewer than `limit` take all of the
   * area's tickets, which is then a small set.
   */
  async latest(db: Db, path: string, limit: number, now: Date) {
    const deep = path.split('.').length >= 3;
    const read = async (since: Date | null) => {
      const r = await sql<{
        id: number;
        code: string;
        title: string;
        state: string;
        unit: string;
        category: string;
        received_at: Date;
        light: string | null;
      }>`
        with t as ${deep ? sql`materialized` : sql``} (
          select t.id, t.code, t.title, t.state, t.unit_id, t.category_id, t.received_at, t.light from ticket t
          where t.unit_path <@ ${path}::ltree ${since ? sql`and t.received_at >= ${since}` : sql``}
          ${deep ? sql`` : sql`order by t.received_at desc, t.id desc limit ${limit}`}
        )
        select t.id, t.code, t.title, t.state, u.name as unit, c.name as category, t.received_at, t.light
        from t join unit u on u.id = t.unit_id join ticket_category c on c.id = t.category_id
        order by t.received_at desc, t.id desc limit ${limit}`.execute(db.db);
      return r.rows;
    };
    if (!deep) return read(null);
    const recent = await read(new Date(now.getTime() - 30 * 86_400_000));
    return recent.length >= limit ? recent : read(null);
  },

  async points(db: Db, path: string) {
    const r = await sql<{ id: number; lng: number; lat: number; light: string | null; state: string }>`
      select t.id, t.lng, t.lat, t.light, t.state from ticket t
      where ${OPEN} and t.unit_path <@ ${path}::ltree and t.lng is not null
      order by t.received_at desc limit 2000`.execute(db.db);
    return r.rows as never;
  },
};

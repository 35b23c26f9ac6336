/** SQL for the command center: the live look at open tickets, child units, lists. */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

const OPEN = sql`t.state in ('reported','accepted','assigned','inProgress')`;
const late = (now: Date) => sql`(t.resolve_due_at <= ${now} or (t.dispatched_at is null and t.accept_due_at <= ${now})
  or (t.feedback_at is null and t.feedback_due_at <= ${now}))`;

export const dashboardRepo = {
  async openCounts(db: Db, path: string, now: Date) {
    const r = await sql<{ open: number; red: number; yellow: number }>`
      select count(*)::int as open, count(*) filter (where ${late(now)})::int as red,
        count(*) filter (where not ${late(now)} and t.light = 'yellow')::int as yellow
      from ticket t where ${OPEN} and t.unit_path <@ ${path}::ltree`.execute(db.db);
    return r.rows[0]!;
  },

  async openByChild(db: Db, path: string, now: Date) {
    const depth = path.split('.').length;
    const r = await sql<{ key: string; open: number; red: number }>`
      select ltree2text(subpath(t.unit_path, ${depth}, 1)) as key, count(*)::int as open, count(*) filter (where ${late(now)})::int as red
      from ticket t where ${OPEN} and t.unit_path <@ ${path}::ltree and nlevel(t.unit_path) > ${depth}
      group by 1`.execute(db.db);
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

  async categoryNames(db: Db) {
    const rows = await db.db.selectFrom('ticket_category').select(['id', 'code', 'name']).execute();
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
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
      select t.id, t.code, t.title, t.state, coalesce(d.name, h.name) as holder, u.name as unit, t.supervision_level,
        least(t.resolve_due_at, case when t.dispatched_at is null then t.accept_due_at end,
              case when t.feedback_at is null then t.feedback_due_at end) as due_at
      from ticket t join unit u on u.id = t.unit_id join unit h on h.id = t.holder_unit_id
      left join department d on d.id = t.holder_department_id
      where ${OPEN} and t.unit_path <@ ${path}::ltree and ${late(now)}
      order by due_at, t.id limit ${limit}`.execute(db.db);
    return r.rows;
  },

  async latest(db: Db, path: string, limit: number) {
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
      select t.id, t.code, t.title, t.state, u.name as unit, c.name as category, t.received_at, t.light
      from ticket t join unit u on u.id = t.unit_id join ticket_category c on c.id = t.category_id
      where t.unit_path <@ ${path}::ltree
      order by t.received_at desc, t.id desc limit ${limit}`.execute(db.db);
    return r.rows;
  },

  async points(db: Db, path: string) {
    const r = await sql<{ id: number; lng: number; lat: number; light: string | null; state: string }>`
      select t.id, t.lng, t.lat, t.light, t.state from ticket t
      where ${OPEN} and t.unit_path <@ ${path}::ltree and t.lng is not null
      order by t.received_at desc limit 2000`.execute(db.db);
    return r.rows as never;
  },
};

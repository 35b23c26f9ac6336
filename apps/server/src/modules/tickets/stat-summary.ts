/**
 * Ticket figures from the summary table (ticket_stat, kept by a trigger) plus a live look at the
 * open tickets for what depends on the clock (late now, due). The same figures as the raw GROUP BY
 * over tickets in statistics.service.ts, without scanning the ticket table: a test holds the two
 * equal after random operations.
 */
import { HandlingLevels } from '@wangge/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client.ts';
import { endOfDay, startOfDay } from './deadlines.ts';

export type SummaryKey = 'category' | 'child' | 'day' | 'month' | null;

export interface SummaryQuery {
  path: string;
  from: string;
  to: string;
  by: SummaryKey;
  /** Category ids to keep (a category and its children), or null for all. */
  categories: number[] | null;
}

/**
 * Which summary can answer for a unit at `depth` (1 = county) with this grouping, or null (read
 * tickets): ticket_stat (per township and category) for a county, or a township without its
 * villages; ticket_stat_village (per village, no category) for a township's villages or a village.
 */
export function summaryTable(
  depth: number,
  by: SummaryKey,
  categories: number[] | null,
): 'ticket_stat' | 'ticket_stat_village' | null {
  if (depth === 1 || (depth === 2 && by !== 'child')) return 'ticket_stat';
  if (!categories && by !== 'category' && (by === 'child' ? depth + 1 <= 3 : depth <= 3)) return 'ticket_stat_village';
  return null;
}

export type RawFigures = { id: number | null; key: string | null; name: string | null; [figure: string]: number | string | null };

const OPEN = sql`t.state in ('reported','accepted','assigned','inProgress')`;
const localDay = (col: RawBuilder<unknown>) => sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** The grouping key as text: a category id, a child unit's id, a day or a month. */
function groupKey(
  by: SummaryKey,
  depth: number,
  c: { category: RawBuilder<unknown>; path: RawBuilder<unknown>; day: RawBuilder<unknown> },
) {
  if (by === 'category') return sql`${c.category}::text`;
  if (by === 'child') return sql`ltree2text(subpath(${c.path}, ${depth}, 1))`;
  if (by === 'day') return sql`${c.day}::text`;
  if (by === 'month') return sql`to_char(${c.day}, 'YYYY-MM')`;
  return sql`''`;
}

export async function summaryFigures(db: Db, q: SummaryQuery, now: Date): Promise<RawFigures[]> {
  const depth = q.path.split('.').length;
  const table = summaryTable(depth, q.by, q.categories);
  if (!table) throw new Error(`no summary answers depth ${depth} by ${q.by}`);
  const keyS = groupKey(q.by, depth, { category: sql`s.category_id`, path: sql`s.area_path`, day: sql`s.day` });
  const keyT = groupKey(q.by, depth, { category: sql`t.category_id`, path: sql`t.unit_path`, day: localDay(sql`t.received_at`) });
  const catS = q.categories ? sql`and s.category_id = any(${sql.val(q.categories)}::int[])` : sql``;
  const catT = q.categories ? sql`and t.category_id = any(${sql.val(q.categories)}::int[])` : sql``;
  const childS = q.by === 'child' ? sql`and nlevel(s.area_path) > ${depth}` : sql``;
  const childT = q.by === 'child' ? sql`and nlevel(t.unit_path) > ${depth}` : sql``;
  const late = sql`(t.resolve_due_at <= ${now} or (t.dispatched_at is null and t.accept_due_at <= ${now})
                    or (t.feedback_at is null and t.feedback_due_at <= ${now}))`;
  const r = await sql<Record<string, unknown>>`
    with s as (
      select ${keyS} as key,
        sum(received)::int as received, sum(rejected)::int as rejected, sum(closed)::int as closed,
        sum(closed_on_time)::int as closed_on_time, sum(evaluated)::int as evaluated, sum(satisfied)::int as satisfied,
        sum(basically)::int as basically, sum(self_resolved)::int as self_resolved, sum(redone)::int as redone,
        sum(returned)::int as returned, sum(responded)::int as responded,
        ${sql.join(
          HandlingLevels.map((l) => sql`sum(${sql.ref(`lvl_${l}`)})::int as ${sql.ref(`level_${l}`)}`),
          sql`, `,
        )},
        sum(wd_close_sum)::float8 as wd_sum, sum(wd_close_n)::int as wd_n
      from ${sql.table(table)} s
      where s.area_path <@ ${q.path}::ltree and s.day between ${q.from}::date and ${q.to}::date ${catS} ${childS}
      group by 1
    ), o as (
      select ${keyT} as key, count(*)::int as open_now,
        count(*) filter (where t.resolve_due_at <= ${now})::int as due_open,
        count(*) filter (where ${late})::int as overdue_now
      from ticket t
      where ${OPEN} and t.unit_path <@ ${q.path}::ltree
        and t.received_at >= ${startOfDay(q.from)} and t.received_at < ${endOfDay(q.to)} ${catT} ${childT}
      group by 1
    )
    select s.*, coalesce(o.open_now, 0) as open_now, coalesce(o.overdue_now, 0) as overdue_now,
      s.closed + coalesce(o.due_open, 0) as due,
      case when s.wd_n > 0 then s.wd_sum / s.wd_n end as avg_workdays
    from s left join o on o.key = s.key
    where s.received > 0
    order by s.key`.execute(db.db);
  return r.rows.map((x) => ({ ...(x as Record<string, number | null>), id: null, key: String(x.key), name: null }) as RawFigures);
}

/** The same figures from the ticket table (for units below the summary's area, and for tests). */
export async function rawFigures(db: Db, q: SummaryQuery, now: Date, columns: RawBuilder<unknown>): Promise<RawFigures[]> {
  const depth = q.path.split('.').length;
  const key = groupKey(q.by, depth, { category: sql`t.category_id`, path: sql`t.unit_path`, day: localDay(sql`t.received_at`) });
  const r = await sql<RawFigures>`
    select ${key} as key, null::int as id, null as name, ${columns}
    from ticket t
    where t.unit_path <@ ${q.path}::ltree and t.received_at >= ${startOfDay(q.from)} and t.received_at < ${endOfDay(q.to)}
      ${q.categories ? sql`and t.category_id = any(${sql.val(q.categories)}::int[])` : sql``}
      ${q.by === 'child' ? sql`and nlevel(t.unit_path) > ${depth}` : sql``}
    group by 1 order by 1`.execute(db.db);
  return r.rows;
}

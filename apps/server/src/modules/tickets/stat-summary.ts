/**
 * Ticket figures from the summary table (ticket_stat, kept by a trigger) plus a live look at the
 * tickets not yet closed for what depends on the clock (late now, due, response due). The same figures as the raw GROUP BY
 * over tickets in statistics.service.ts, without scanning the ticket table: a test holds the two
 * equal after random operations.
 */
import { HandlingLevels } from '@wangge/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client.ts';
import { ticketStatColumns } from '../../db/migrations/0008_ticket_stats.ts';
import { chinaDay, splitMonths } from '../../lib/periods.ts';
import { endOfDay, startOfDay } from './deadlines.ts';

export type SummaryKey = 'category' | 'child' | 'day' | 'month' | null;

export interface SummaryQuery {
  path: string;
  from: string;
  to: string;
  by: SummaryKey;
  /** Category ids to keep (a category and its children), or null for all. */
  categories: number[] | null;
  /** With `by`: also the total over the whole unit (key null, `total: 1`), in the same statement. */
  total?: boolean;
  /**
   * false: skip the live look at open tickets (open_now, overdue_now and the not-closed part of `due` are
   * then 0, `response_due` counts every valid ticket), for views that show only counts kept in the summary.
   */
  live?: boolean;
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
const AWAITING_CLOSE = sql`t.state in ('resolved','verified')`;
const localDay = (col: RawBuilder<unknown>) => sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** The grouping key as text: a category id, a child unit's id, a day or a month. */
function groupKey(
  by: SummaryKey,
  depth: number,
  c: { category: RawBuilder<unknown>; path: RawBuilder<unknown>; day: RawBuilder<unknown> },
) {
  if (by === 'category') return sql`${c.category}::text`;
  if (by === 'child') return sql`case when nlevel(${c.path}) > ${depth} then ltree2text(subpath(${c.path}, ${depth}, 1)) end`;
  if (by === 'day') return sql`${c.day}::text`;
  if (by === 'month') return sql`to_char(${c.day}, 'YYYY-MM')`;
  return sql`''`;
}

/**
 * The summary rows for a period. ticket_stat (days) is read through ticket_stat_month for the whole
 * months in it, so a year is twelve rows per township and category plus the days at its edges.
 */
function source(table: 'ticket_stat' | 'ticket_stat_village', q: SummaryQuery, today: string) {
  const area = sql`area_path <@ ${q.path}::ltree`;
  if (table === 'ticket_stat_village' || q.by === 'day')
    return sql`(select * from ${sql.table(table)} where ${area} and day between ${q.from}::date and ${q.to}::date)`;
  const { months, days } = splitMonths(q.from, q.to, today);
  const columns = sql.raw(`area_path, category_id, ${ticketStatColumns.join(', ')}`);
  const parts = days.map(
    ([a, b]) => sql`select day, ${columns} from ticket_stat where ${area} and day between ${a}::date and ${b}::date`,
  );
  if (months)
    parts.unshift(
      sql`select month as day, ${columns} from ticket_stat_month where ${area} and month between ${months[0]}::date and ${months[1]}::date`,
    );
  return sql`(${sql.join(parts, sql` union all `)})`;
}

export async function summaryFigures(db: Db, q: SummaryQuery, now: Date): Promise<RawFigures[]> {
  const depth = q.path.split('.').length;
  const table = summaryTable(depth, q.by, q.categories);
  if (!table) throw new Error(`no summary answers depth ${depth} by ${q.by}`);
  const keyS = groupKey(q.by, depth, { category: sql`s.category_id`, path: sql`s.area_path`, day: sql`s.day` });
  const keyT = groupKey(q.by, depth, { category: sql`t.category_id`, path: sql`t.unit_path`, day: localDay(sql`t.received_at`) });
  const catS = q.categories ? sql`and s.category_id = any(${sql.val(q.categories)}::int[])` : sql``;
  const catT = q.categories ? sql`and t.category_id = any(${sql.val(q.categories)}::int[])` : sql``;
  const total = q.total === true && q.by !== null;
  // Without the total, a unit's own tickets (placed at it, not in a child) have no row by child.
  const childS = q.by === 'child' && !total ? sql`and nlevel(s.area_path) > ${depth}` : sql``;
  const childT = q.by === 'child' && !total ? sql`and nlevel(t.unit_path) > ${depth}` : sql``;
  const groups = total ? sql`grouping sets ((k), ())` : sql`k`;
  const grouping = total ? sql`grouping(k)` : sql`0`;
  const late = sql`(t.resolve_due_at <= ${now} or (t.dispatched_at is null and t.accept_due_at <= ${now})
                    or (t.feedback_at is null and t.feedback_due_at <= ${now}))`;
  const liveWhere = sql`t.unit_path <@ ${q.path}::ltree
          and t.received_at >= ${startOfDay(q.from)} and t.received_at < ${endOfDay(q.to)} ${catT} ${childT}
          ${q.live === false ? sql`and false` : sql``}`;
  const r = await sql<Record<string, unknown>>`
    with s as (
      select k as key, ${grouping} as total,
        sum(received)::int as received, sum(rejected)::int as rejected, sum(closed)::int as closed,
        sum(closed_on_time)::int as closed_on_time, sum(evaluated)::int as evaluated, sum(satisfied)::int as satisfied,
        sum(basically)::int as basically, sum(self_resolved)::int as self_resolved, sum(redone)::int as redone,
        sum(returned)::int as returned, sum(responded)::int as responded,
        ${sql.join(
          HandlingLevels.map((l) => sql`sum(${sql.ref(`lvl_${l}`)})::int as ${sql.ref(`level_${l}`)}`),
          sql`, `,
        )},
        sum(wd_close_sum)::float8 as wd_sum, sum(wd_close_n)::int as wd_n
      from (select ${keyS} as k, s.* from ${source(table, q, chinaDay(now))} s where true ${catS} ${childS}) s
      group by ${groups}
    ), o as (
      select k as key, ${grouping} as total, count(*) filter (where t.open)::int as open_now,
        count(*) filter (where t.resolve_due_at <= ${now})::int as due_open,
        count(*) filter (where t.open and t.dispatched_at is null and t.accept_due_at > ${now})::int as response_pending,
        count(*) filter (where t.open and ${late})::int as overdue_now
      from (
        select ${keyT} as k, true as open, t.resolve_due_at, t.dispatched_at, t.accept_due_at, t.feedback_at, t.feedback_due_at
        from ticket t
        where ${OPEN} and ${liveWhere}
        union all
        -- Resolved or verified, not yet closed, past the resolution deadline: due as well.
        select ${keyT} as k, false as open, t.resolve_due_at, t.dispatched_at, t.accept_due_at, t.feedback_at, t.feedback_due_at
        from ticket t
        where ${AWAITING_CLOSE} and t.resolve_due_at <= ${now} and ${liveWhere}
      ) t
      group by ${groups}
    )
    select s.*, coalesce(o.open_now, 0) as open_now, coalesce(o.overdue_now, 0) as overdue_now,
      s.closed + coalesce(o.due_open, 0) as due,
      -- Response due: every valid ticket but those not handed on whose accept deadline is still to
      -- come. Only open tickets can be such (every way out of the open states hands the ticket on).
      s.received - s.rejected - coalesce(o.response_pending, 0) as response_due,
      case when s.wd_n > 0 then s.wd_sum / s.wd_n end as avg_workdays
    from s left join o on o.key is not distinct from s.key and o.total = s.total
    where s.received > 0 and (s.total = 1 or s.key is not null or ${q.by === null})
    order by s.key`.execute(db.db);
  return r.rows.map(
    (x) =>
      ({
        ...(x as Record<string, number | null>),
        id: null,
        key: x.key === null ? null : String(x.key),
        name: null,
      }) as RawFigures,
  );
}

/** Splits summaryFigures' answer with `total: true` into the total and the grouped rows. */
export function withTotal(rows: RawFigures[]): { total: RawFigures | undefined; rows: RawFigures[] } {
  return { total: rows.find((r) => Number(r.total) === 1), rows: rows.filter((r) => Number(r.total) !== 1) };
}

/** The same figures from the ticket table (for units below the summary's area, and for tests). */
export async function rawFigures(db: Db, q: SummaryQuery, now: Date, columns: RawBuilder<unknown>): Promise<RawFigures[]> {
  const depth = q.path.split('.').length;
  const key = groupKey(q.by, depth, { category: sql`t.category_id`, path: sql`t.unit_path`, day: localDay(sql`t.received_at`) });
  const total = q.total === true && q.by !== null;
  const r = await sql<RawFigures>`
    select k as key, ${total ? sql`grouping(k)` : sql`0`} as total, null::int as id, null as name, ${columns}
    from (select ${key} as k, t.* from ticket t
      where t.unit_path <@ ${q.path}::ltree and t.received_at >= ${startOfDay(q.from)} and t.received_at < ${endOfDay(q.to)}
        ${q.categories ? sql`and t.category_id = any(${sql.val(q.categories)}::int[])` : sql``}
        ${q.by === 'child' && !total ? sql`and nlevel(t.unit_path) > ${depth}` : sql``}) t
    group by ${total ? sql`grouping sets ((k), ())` : sql`k`}
    having ${total ? sql`grouping(k) = 1 or k is not null` : sql`true`}
    order by 1`.execute(db.db);
  return r.rows;
}

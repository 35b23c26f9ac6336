/**
 * Ticket statistics for a unit subtree and a period (tickets received in it), by category,
 * channel or child unit. Definitions (docs/TICKETS.md):
 * - due: closed, or past the resolution deadline and not closed (open, or resolved or verified and
 *   awaiting closing); 办结率 = closed / due; 按期办结率 = closed on time / due
 * - response due: valid (not rejected) tickets handed to a handler, or past the accept deadline
 *   without; 响应率 = handed on within the accept deadline / response due (like 办结率 over due: a
 *   ticket whose accept deadline has not come is not counted against it)
 * - 解决率: evaluated satisfied or basically / evaluated; 满意率: evaluated satisfied / evaluated
 * - self-resolved share, redo rate and return rate over valid tickets (each counting valid tickets
 *   only: a ticket self-resolved, redone or returned, then rejected, is in neither part); average
 *   working days to close
 * - overdue now: open with any running stage past its deadline at this instant
 */
import {
  HandlingLevels,
  Permission,
  type StatFigures,
  type Statistics,
  type StatisticsQuery,
  type UnitKind,
} from '@wangge/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import { endOfDay, startOfDay } from './deadlines.ts';
import type { TicketsService } from './tickets.service.ts';
import { scopeCondition } from './tickets.repo.ts';
import { summaryFigures, summaryTable, withTotal, type RawFigures, type SummaryKey } from './stat-summary.ts';

type Raw = RawFigures;

const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

function figures(r: Raw): StatFigures {
  const n = (k: string) => Number(r[k] ?? 0);
  const valid = n('received') - n('rejected');
  return {
    received: n('received'),
    rejected: n('rejected'),
    due: n('due'),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    overdueNow: n('overdue_now'),
    openNow: n('open_now'),
    completionRate: rate(n('closed'), n('due')),
    onTimeRate: rate(n('closed_on_time'), n('due')),
    responseRate: rate(n('responded'), n('response_due')),
    resolutionRate: rate(n('satisfied') + n('basically'), n('evaluated')),
    satisfactionRate: rate(n('satisfied'), n('evaluated')),
    selfResolvedShare: rate(n('self_resolved'), valid),
    redoRate: rate(n('redone'), valid),
    returnRate: rate(n('returned'), valid),
    avgWorkdaysToClose:
      r.avg_workdays === null || r.avg_workdays === undefined ? null : Math.round(Number(r.avg_workdays) * 100) / 100,
    levels: Object.fromEntries(HandlingLevels.map((l) => [l, n(`level_${l}`)])) as StatFigures['levels'],
  };
}

/** The aggregate columns, as SQL, evaluated at `now`. */
export function statColumns(now: Date): RawBuilder<unknown> {
  const done = sql`t.state in ('closed','evaluated')`;
  const open = sql`t.state in ('reported','accepted','assigned','inProgress')`;
  // Resolved or verified but not closed: past its deadline it is due, like an open ticket.
  const unclosed = sql`t.state in ('reported','accepted','assigned','inProgress','resolved','verified')`;
  const late = sql`(${open} and (t.resolve_due_at <= ${now} or (t.dispatched_at is null and t.accept_due_at <= ${now})
                    or (t.feedback_at is null and t.feedback_due_at <= ${now})))`;
  return sql`
    count(*)::int as received,
    count(*) filter (where t.state = 'rejected')::int as rejected,
    count(*) filter (where ${done} or (${unclosed} and t.resolve_due_at <= ${now}))::int as due,
    count(*) filter (where ${done})::int as closed,
    count(*) filter (where ${done} and t.result = 'onTime')::int as closed_on_time,
    count(*) filter (where ${late})::int as overdue_now,
    count(*) filter (where ${open})::int as open_now,
    count(*) filter (where t.state <> 'rejected' and t.dispatched_at is not null and t.dispatched_at <= t.accept_due_at)::int as responded,
    count(*) filter (where t.state <> 'rejected' and (t.dispatched_at is not null or t.accept_due_at <= ${now}))::int as response_due,
    count(*) filter (where t.evaluation is not null)::int as evaluated,
    count(*) filter (where t.evaluation = 'satisfied')::int as satisfied,
    count(*) filter (where t.evaluation = 'basically')::int as basically,
    count(*) filter (where t.self_resolved and t.state <> 'rejected')::int as self_resolved,
    count(*) filter (where t.redo_count > 0 and t.state <> 'rejected')::int as redone,
    count(*) filter (where t.return_count > 0 and t.state <> 'rejected')::int as returned,
    avg(t.workdays_to_close) filter (where ${done}) as avg_workdays,
    ${sql.join(
      HandlingLevels.map((l) => sql`count(*) filter (where ${done} and t.handled_level = ${l})::int as ${sql.ref(`level_${l}`)}`),
      sql`, `,
    )}`;
}

export class StatisticsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly tickets: TicketsService,
  ) {}

  /**
   * `source`: 'auto' reads the summary table where it can answer (a county, township or village,
   * no channel or urgency filter, not a department handler) and tickets otherwise; 'raw' always
   * reads tickets (tests compare the two).
   */
  async statistics(actor: Actor, q: StatisticsQuery, source: 'auto' | 'raw' = 'auto'): Promise<Statistics> {
    if (q.to < q.from)
      throw AppError.badRequest('The period ends before it starts', [{ path: '/querystring/to', message: 'is before from' }]);
    const unit = await this.#unit(actor, q.unitId);
    const now = this.clock.now();
    const by: SummaryKey = q.by === 'unit' ? 'child' : q.by === 'category' ? 'category' : null;
    const departmentOnly = actor.grants.some((g) => g.role === 'departmentHandler');
    if (source === 'auto' && !q.channel && !q.urgency && q.by !== 'channel' && !departmentOnly) {
      const categories = q.categoryId ? await this.#categoryIds(q.categoryId) : null;
      if (summaryTable(unit.path.split('.').length, by, categories)) return this.#fromSummary(unit, q, by, categories, now);
    }
    const where = sql<SqlBool>`t.received_at >= ${startOfDay(q.from)} and t.received_at < ${endOfDay(q.to)}
      and t.unit_path <@ ${unit.path}::ltree and ${scopeCondition(this.tickets.scope(actor))}
      ${q.categoryId ? sql`and (t.category_id = ${q.categoryId} or t.category_id in (select id from ticket_category where parent_id = ${q.categoryId}))` : sql``}
      ${q.channel ? sql`and t.channel = ${q.channel}` : sql``}
      ${q.urgency ? sql`and t.urgency = ${q.urgency}` : sql``}`;
    const cols = statColumns(now);
    const totals =
      await sql<Raw>`select null::int as id, null as key, null as name, ${cols} from ticket t where ${where}`.execute(this.db.db);
    let rows: Raw[] = [];
    if (q.by === 'category')
      rows = (
        await sql<Raw>`select c.id, c.code as key, c.name as name, ${cols} from ticket t join ticket_category c on c.id = t.category_id
          where ${where} group by c.id, c.code, c.name, c.sort order by c.sort, c.code`.execute(this.db.db)
      ).rows;
    else if (q.by === 'channel')
      rows = (
        await sql<Raw>`select null::int as id, t.channel as key, t.channel as name, ${cols} from ticket t where ${where} group by t.channel order by t.channel`.execute(
          this.db.db,
        )
      ).rows;
    else if (q.by === 'unit')
      rows = (
        await sql<Raw>`select u.id, u.code as key, u.name as name, ${cols} from ticket t
          join unit u on u.id = ltree2text(subpath(t.unit_path, nlevel(${unit.path}::ltree), 1))::int
          where ${where} and nlevel(t.unit_path) > nlevel(${unit.path}::ltree) group by u.id, u.code, u.name order by u.code`.execute(
          this.db.db,
        )
      ).rows;
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as UnitKind },
      from: q.from,
      to: q.to,
      totals: figures(totals.rows[0]!),
      rows: rows.map((r) => ({ id: r.id, key: String(r.key), name: String(r.name), ...figures(r) })),
    };
  }

  async #fromSummary(
    unit: { id: number; code: string; name: string; kind: string; path: string },
    q: StatisticsQuery,
    by: SummaryKey,
    categories: number[] | null,
    now: Date,
  ) {
    const base = { path: unit.path, from: q.from, to: q.to, categories };
    // One statement: the grouped rows and the total (grouping sets).
    const { total, rows: grouped } = by
      ? withTotal(await summaryFigures(this.db, { ...base, by, total: true }, now))
      : { total: (await summaryFigures(this.db, { ...base, by: null }, now))[0], rows: [] };
    let rows: (RawFigures & { sort: string })[] = [];
    if (by === 'category') {
      const cats = await this.db.db.selectFrom('ticket_category').select(['id', 'code', 'name', 'sort']).execute();
      const byId = new Map(cats.map((c) => [String(c.id), c]));
      rows = grouped.map((g) => {
        const c = byId.get(g.key!)!;
        return { ...g, id: c.id, key: c.code, name: c.name, sort: `${String(c.sort).padStart(6, '0')}|${c.code}` };
      });
    } else if (by === 'child') {
      const ids = grouped.map((g) => Number(g.key));
      const units = ids.length
        ? await this.db.db.selectFrom('unit').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
        : [];
      const byId = new Map(units.map((u) => [String(u.id), u]));
      rows = grouped.map((g) => {
        const u = byId.get(g.key!)!;
        return { ...g, id: u.id, key: u.code, name: u.name, sort: u.code };
      });
    }
    rows.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as UnitKind },
      from: q.from,
      to: q.to,
      totals: figures((total ?? { id: null, key: null, name: null }) as Raw),
      rows: rows.map((r) => ({ id: r.id, key: String(r.key), name: String(r.name), ...figures(r as Raw) })),
    };
  }

  /** A category and its children. */
  async #categoryIds(id: number): Promise<number[]> {
    const rows = await this.db.db
      .selectFrom('ticket_category')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
      .execute();
    return rows.map((r) => r.id);
  }

  /** The unit asked for, or the actor's own top unit; must lie in the actor's ticket scope. */
  async #unit(actor: Actor, unitId: number | undefined) {
    if (unitId === undefined) {
      const u = await this.access.topUnit(actor, Permission.TicketsRead);
      if (!u) throw AppError.badRequest('Choose a unit', [{ path: '/querystring/unitId', message: 'is required' }]);
      return u;
    }
    return (await this.access.requireUnit(actor, Permission.TicketsRead, unitId)).unit;
  }
}

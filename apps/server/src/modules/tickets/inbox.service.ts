/**
 * The inbox (待办): what waits for the signed-in user, with its light and the working days left.
 * to accept and to handle: tickets held by the user's unit or department; to verify / close and to
 * evaluate: tickets in their area resolved or closed by others; supervised: their red tickets.
 */
import { Permission, roleHas, type InboxBox, type InboxCounts, type PageOf, type TicketSummary } from '@wangge/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { pathWithin, type AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { toSummary } from './tickets.mapper.ts';
import { ticketsRepo, type TicketView } from './tickets.repo.ts';

const OPEN = sql`('reported','accepted','assigned','inProgress')`;

/**
 * Tickets held by one of the units themselves (not handed to one of their departments) or by one of
 * the departments. With the open states beside it, the units' part is answered from the index of
 * the open tickets units hold (migration 0024) without reading the table.
 */
export function heldBy(units: number[], depts: number[]): Expression<SqlBool> {
  const held = [];
  if (units.length) held.push(sql`(t.holder_department_id is null and t.holder_unit_id = any(${sql.val(units)}::int[]))`);
  if (depts.length) held.push(sql`t.holder_department_id = any(${sql.val(depts)}::int[])`);
  return held.length ? sql<SqlBool>`(${sql.join(held, sql` or `)})` : sql<SqlBool>`false`;
}

export class InboxService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
  ) {}

  #conditions(actor: Actor): Record<InboxBox, Expression<SqlBool>> {
    const units = actor.grants
      .filter((g) => g.role !== 'departmentHandler' && roleHas(g.role, Permission.TicketsHandle))
      .map((g) => g.unitId);
    const depts = actor.grants
      .filter((g) => g.role === 'departmentHandler' && g.departmentId !== null)
      .map((g) => g.departmentId!);
    const mine = heldBy(units, depts);
    const handlePaths = this.access.scopePaths(
      { ...actor, grants: actor.grants.filter((g) => g.role !== 'departmentHandler') },
      Permission.TicketsHandle,
    );
    const area =
      handlePaths === null
        ? sql<SqlBool>`true`
        : handlePaths.length === 0
          ? sql<SqlBool>`false`
          : pathWithin(sql`t.unit_path`, handlePaths);
    const evaluateSince = new Date(this.clock.now().getTime() - 30 * 86_400_000);
    const notMine = actor.userId === null ? sql<SqlBool>`true` : sql<SqlBool>`t.resolved_by is distinct from ${actor.userId}`;
    return {
      toAccept: sql<SqlBool>`(t.state = 'reported' and ${mine})`,
      toHandle: sql<SqlBool>`(t.state in ('accepted','assigned','inProgress') and ${mine})`,
      toVerify: sql<SqlBool>`(t.state in ('resolved','verified') and ${area} and ${notMine})`,
      // 回访 within 30 days of closing; older unevaluated tickets leave the inbox (they stay in lists).
      toEvaluate: sql<SqlBool>`(t.state = 'closed' and t.evaluation is null and t.closed_at >= ${evaluateSince} and ${area})`,
      supervised: sql<SqlBool>`(t.state in ${OPEN} and t.supervision_level is not null and ${mine})`,
    };
  }

  async counts(actor: Actor): Promise<InboxCounts> {
    const c = this.#conditions(actor);
    // One indexed count per box: the holder index for what the user holds, partial indexes for the
    // few tickets awaiting verification or evaluation (an OR over all of them would scan the table).
    const r = await sql<InboxCounts>`
      with mine as (select t.state, t.light, t.supervision_level from ticket t where ${c.toAccept} or ${c.toHandle})
      select (select count(*) from mine where state = 'reported')::int as "toAccept",
             (select count(*) from mine where state <> 'reported')::int as "toHandle",
             (select count(*) from ticket t where ${c.toVerify})::int as "toVerify",
             (select count(*) from ticket t where ${c.toEvaluate})::int as "toEvaluate",
             (select count(*) from mine where supervision_level is not null)::int as "supervised",
             (select count(*) from mine where light = 'red')::int as "red",
             (select count(*) from mine where light = 'yellow')::int as "yellow"`.execute(this.db.db);
    return r.rows[0]!;
  }

  /** One box, most urgent first: red, then the nearest deadline. */
  async list(actor: Actor, box: InboxBox, limit = 50, offset = 0): Promise<PageOf<TicketSummary>> {
    const cond = this.#conditions(actor)[box];
    const light = sql`case t.light when 'red' then 0 when 'yellow' then 1 else 2 end`;
    const due = sql`coalesce(case when t.dispatched_at is null then t.accept_due_at end, t.resolve_due_at)`;
    // The page is chosen on the ticket table alone; the names are joined for its rows only.
    const page = this.db.db
      .selectFrom('ticket as t')
      .select('t.id')
      .where(cond)
      .orderBy(light)
      .orderBy(due)
      .orderBy('t.id')
      .limit(limit)
      .offset(offset);
    const [total, rows] = await Promise.all([
      this.db.db
        .selectFrom('ticket as t')
        .where(cond)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      ticketsRepo
        .selectView(this.db.db)
        .where('t.id', 'in', page)
        .orderBy(light)
        .orderBy(due)
        .orderBy('t.id')
        .execute() as Promise<TicketView[]>,
    ]);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    return { items: rows.map((r) => toSummary(cal, r, now)), total: Number(total.n), limit, offset };
  }
}

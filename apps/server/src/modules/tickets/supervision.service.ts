/**
 * Supervision (督): the sweep that turns lights and issues supervision notices (督办函), the list of
 * notices and the circular (通报) of a period, per unit. Scoped like every ticket read.
 */
import {
  Permission,
  type PageOf,
  type SupervisionLevel,
  type SupervisionNotice,
  type TicketStage,
  type UnitKind,
} from '@wangge/contracts';
import { sql, type SqlBool } from 'kysely';
import type { Static } from 'typebox';
import type { Circular, CircularQuery, NoticeQuery } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { pathWithin, type AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { CategoriesService } from './categories.service.ts';
import { endOfDay, rulesFor, startOfDay, supervisionStepsOf } from './deadlines.ts';
import type { TicketNotifier } from './notifier.ts';
import { noticeNumber, sweepBatch, type StepsOf } from './sweep.ts';
import type { TicketsService } from './tickets.service.ts';

export class SupervisionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
    private readonly tickets: TicketsService,
    private readonly notifier: TicketNotifier,
    private readonly categories: CategoriesService,
  ) {}

  /** One full sweep: batches until no ticket is due for a check. Safe to run twice at once. */
  async sweep(batchSize = 2000): Promise<{ checked: number; lightChanges: number; notices: number }> {
    const now = this.clock.now();
    const cal = await this.calendar.current();
    // Read before the batches' transactions (the categories are cached; PGlite has one connection).
    const categories = new Map((await this.categories.list()).map((c) => [c.id, c]));
    const stepsOf: StepsOf = (row) => {
      const c = categories.get(row.category_id);
      return c ? supervisionStepsOf(rulesFor(c.deadlines, row.urgency)) : undefined;
    };
    const total = { checked: 0, lightChanges: 0, notices: 0 };
    for (;;) {
      const b = await sweepBatch(this.db, cal, now, batchSize, stepsOf);
      total.checked += b.checked;
      total.lightChanges += b.lightChanges;
      total.notices += b.notices.filter((n) => n.kind === 'supervision').length;
      if (b.notices.length > 0) {
        const stored = await this.notifier.store(this.db.db, b.notices);
        this.notifier.publish(stored);
      }
      if (b.checked < batchSize) break;
    }
    return total;
  }

  async #withinPath(within: number | undefined): Promise<string | null> {
    if (!within) return null;
    const u = await this.db.db.selectFrom('unit').select('path').where('id', '=', within).executeTakeFirst();
    if (!u) throw AppError.notFound(`Unit ${within}`);
    return u.path;
  }

  #scope(actor: Actor) {
    const s = this.tickets.scope(actor);
    if (s.paths === null) return sql<SqlBool>`true`;
    const parts = [];
    if (s.paths.length) parts.push(pathWithin(sql`n.unit_path`, s.paths));
    if (s.departments.length) parts.push(sql`n.holder_department_id = any(${sql.val(s.departments)}::int[])`);
    return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
  }

  async notices(actor: Actor, q: Static<typeof NoticeQuery>): Promise<PageOf<SupervisionNotice>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const path = await this.#withinPath(q.within);
    let base = this.db.db.selectFrom('supervision_notice as n').where(this.#scope(actor));
    if (path) base = base.where(sql<SqlBool>`n.unit_path <@ ${path}::ltree`);
    if (q.from) base = base.where('n.issued_at', '>=', startOfDay(q.from));
    if (q.to) base = base.where('n.issued_at', '<', endOfDay(q.to));
    if (q.level) base = base.where('n.level', '=', q.level);
    if (q.ticketId) base = base.where('n.ticket_id', '=', q.ticketId);
    // The page is chosen on the notices alone; tickets and units are joined for its rows only.
    const page = base.select('n.id').orderBy('n.issued_at', 'desc').orderBy('n.id', 'desc').limit(limit).offset(offset);
    const [total, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      this.db.db
        .selectFrom('supervision_notice as n')
        .where('n.id', 'in', page)
        .innerJoin('ticket as t', 't.id', 'n.ticket_id')
        .innerJoin('unit as u', 'u.id', 'n.unit_id')
        .select([
          'n.id',
          'n.year',
          'n.seq',
          'n.stage',
          'n.level',
          'n.addressed_to',
          'n.breach_due_at',
          'n.issued_at',
          't.id as ticket_id',
          't.code',
          't.title',
          't.state',
          'u.id as unit_id',
          'u.code as unit_code',
          'u.name as unit_name',
          'u.kind as unit_kind',
        ])
        .orderBy('n.issued_at', 'desc')
        .orderBy('n.id', 'desc')
        .execute(),
    ]);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: noticeNumber(r.year, r.seq),
        year: r.year,
        seq: r.seq,
        ticket: { id: r.ticket_id, code: r.code, title: r.title, state: r.state as never },
        stage: r.stage as TicketStage,
        level: r.level as SupervisionLevel,
        addressedTo: r.addressed_to,
        unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, kind: r.unit_kind as UnitKind },
        dueAt: new Date(r.breach_due_at).toISOString(),
        issuedAt: new Date(r.issued_at).toISOString(),
        workdaysLate: Math.max(0, cal.workdaysBetween(new Date(r.breach_due_at), now)),
      })),
      total: Number(total.n),
      limit,
      offset,
    };
  }

  /** 通报: for each child unit of `within` (or of the actor's top unit), the notices of the period. */
  async circular(actor: Actor, q: Static<typeof CircularQuery>): Promise<Static<typeof Circular>> {
    if (q.to < q.from)
      throw AppError.badRequest('The period ends before it starts', [{ path: '/querystring/to', message: 'is before from' }]);
    const roots = this.access.scopePaths(actor, Permission.TicketsRead);
    const within = q.within ?? (roots && roots.length === 1 ? Number(roots[0]!.split('.').pop()) : undefined);
    const path = await this.#withinPath(within);
    const rows = await sql<{
      unit_id: number;
      code: string;
      name: string;
      kind: string;
      notices: number;
      yellow: number;
      red: number;
      still_red: number;
      tickets: { id: number; code: string; title: string; state: string }[];
    }>`
      with n as (
        select n.*, subpath(n.unit_path, 0, least(nlevel(n.unit_path), ${path ? sql`nlevel(${path}::ltree) + 1` : sql`1`})) as bucket
        from supervision_notice n
        where ${this.#scope(actor)} and n.issued_at >= ${startOfDay(q.from)} and n.issued_at < ${endOfDay(q.to)}
          ${path ? sql`and n.unit_path <@ ${path}::ltree` : sql``}
      )
      select u.id as unit_id, u.code, u.name, u.kind,
             count(*)::int as notices,
             count(*) filter (where n.level = 'yellowCard')::int as yellow,
             count(*) filter (where n.level = 'redCard')::int as red,
             count(distinct t.id) filter (where t.light = 'red')::int as still_red,
             jsonb_agg(distinct jsonb_build_object('id', t.id, 'code', t.code, 'title', t.title, 'state', t.state)) as tickets
      from n join ticket t on t.id = n.ticket_id
      join unit u on u.id = ltree2text(subpath(n.bucket, -1))::int
      group by u.id, u.code, u.name, u.kind
      order by count(*) desc, u.code`.execute(this.db.db);
    return {
      from: q.from,
      to: q.to,
      rows: rows.rows.map((r) => ({
        unit: { id: r.unit_id, code: r.code, name: r.name, kind: r.kind as UnitKind },
        notices: r.notices,
        yellowCards: r.yellow,
        redCards: r.red,
        stillRed: r.still_red,
        tickets: r.tickets.slice(0, 50).map((t) => ({ ...t, state: t.state as never })),
      })),
    };
  }
}

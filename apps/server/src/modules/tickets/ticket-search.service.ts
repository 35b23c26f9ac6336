/**
 * Finding tickets: the filtered list, possible duplicates of a report before it is sent, and the
 * departments a ticket may go to. Every query is limited to the caller's scope (ticketScope).
 */
import { Permission, type PageOf, type Ticket, type TicketListQuery, type TicketSummary } from '@wangge/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { CategoriesService } from './categories.service.ts';
import { toSummary } from './tickets.mapper.ts';
import { scopeCondition, ticketsRepo, type TicketView } from './tickets.repo.ts';
import { intakeRepo } from './intake.repo.ts';
import type { TicketsService } from './tickets.service.ts';

export class TicketSearchService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
    private readonly categories: CategoriesService,
    private readonly tickets: TicketsService,
  ) {}

  private scope(actor: Actor) {
    return this.tickets.scope(actor);
  }

  /** The scoped, filtered ticket query the list and the export share. */
  async filtered(actor: Actor, query: Omit<TicketListQuery, 'limit' | 'offset' | 'sort'>) {
    let base = this.db.db.selectFrom('ticket as t').where(scopeCondition(this.scope(actor)));
    if (query.within) {
      // The scope condition limits the rows; `within` only narrows them.
      const u = await this.db.db.selectFrom('unit').select('path').where('id', '=', query.within).executeTakeFirst();
      if (!u) throw AppError.notFound(`Unit ${query.within}`);
      base = base.where(sql<boolean>`t.unit_path <@ ${u.path}::ltree`);
    }
    if (query.state === 'open') base = base.where('t.state', 'in', ['reported', 'accepted', 'assigned', 'inProgress']);
    else if (query.state === 'done') base = base.where('t.state', 'in', ['closed', 'evaluated']);
    else if (query.state) base = base.where('t.state', '=', query.state);
    if (query.light) {
      // Live, like the command center's counts: red = open and past a deadline now.
      const now = this.clock.now();
      const late = sql<boolean>`(t.state in ('reported','accepted','assigned','inProgress') and (t.resolve_due_at <= ${now}
        or (t.dispatched_at is null and t.accept_due_at <= ${now}) or (t.feedback_at is null and t.feedback_due_at <= ${now})))`;
      if (query.light === 'red') base = base.where(late);
      else base = base.where('t.light', '=', query.light).where(sql<boolean>`not ${late}`);
    }
    if (query.categoryId)
      base = base.where((eb) =>
        eb.or([
          eb('t.category_id', '=', query.categoryId!),
          eb('t.category_id', 'in', eb.selectFrom('ticket_category').select('id').where('parent_id', '=', query.categoryId!)),
        ]),
      );
    if (query.channel) base = base.where('t.channel', '=', query.channel);
    if (query.level) base = base.where('t.holder_level', '=', query.level);
    if (query.q)
      base = base.where((eb) => eb.or([eb('t.title', 'ilike', `%${escapeLike(query.q!)}%`), eb('t.code', '=', query.q!)]));
    if (query.from) base = base.where('t.received_at', '>=', new Date(`${query.from}T00:00:00+08:00`));
    if (query.to) base = base.where('t.received_at', '<', new Date(Date.parse(`${query.to}T00:00:00+08:00`) + 86_400_000));
    if (query.result) base = base.where('t.result', '=', query.result);
    if (query.supervised) base = base.where('t.supervision_level', 'is not', null);
    // As the self-resolved share counts them: a ticket reopened and rejected since is no longer one.
    if (query.selfResolved !== undefined)
      base = base.where(sql<boolean>`(t.self_resolved and t.state <> 'rejected') = ${query.selfResolved}`);
    if (query.evaluation === 'any') base = base.where('t.evaluation', 'is not', null);
    else if (query.evaluation) base = base.where('t.evaluation', '=', query.evaluation);
    // `<> '{}'` lets PostgreSQL use the partial GIN index of tickets that name anyone (migration 0016_profile_indexes).
    if (query.personId) base = base.where(sql<boolean>`t.person_ids @> array[${query.personId}]::int[] and t.person_ids <> '{}'`);
    if (query.householdId) base = base.where('t.household_id', '=', query.householdId);
    return base;
  }

  async list(actor: Actor, query: TicketListQuery): Promise<PageOf<TicketSummary>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const base = await this.filtered(actor, query);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const sort = query.sort ?? '-receivedAt';
    const rows = (await ticketsRepo
      .selectView(this.db.db)
      .where('t.id', 'in', (eb) => {
        let ids = base.select('t.id');
        ids =
          sort === 'dueAt'
            ? ids.orderBy('t.resolve_due_at')
            : sort === 'receivedAt'
              ? ids.orderBy('t.received_at')
              : sort === '-updatedAt'
                ? ids.orderBy('t.updated_at', 'desc')
                : ids.orderBy('t.received_at', 'desc');
        return eb.selectFrom(ids.orderBy('t.id', 'desc').limit(limit).offset(offset).as('page')).select('page.id');
      })
      .execute()) as TicketView[];
    const order = sortKey(sort);
    rows.sort(order);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    return { items: rows.map((r) => toSummary(cal, r, now)), total: Number(total.n), limit, offset };
  }

  /** Possible duplicates of a report about to be sent, among the tickets the actor may see. */
  async duplicates(actor: Actor, q: { categoryId: number; lng?: number; lat?: number; householdId?: number }) {
    const category = await this.categories.forIntake(q.categoryId);
    const now = this.clock.now();
    const rows = await intakeRepo.duplicates(this.db.db, {
      categoryId: category.id,
      since: new Date(now.getTime() - category.duplicateWindowDays * 86_400_000),
      lng: q.lng,
      lat: q.lat,
      radiusM: category.duplicateRadiusM,
      householdId: q.householdId,
      scope: this.scope(actor),
    });
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      state: r.state as Ticket['state'],
      distanceM: r.distance_m === null ? null : Math.round(Number(r.distance_m)),
    }));
  }

  /** Active departments serving the actor's area: within it, or above it (county bureaus serve every township). */
  async departments(actor: Actor) {
    const paths = [
      ...(this.access.scopePaths(actor, Permission.TicketsRead) ?? ['*']),
      ...(this.access.scopePaths(actor, Permission.UnitsRead) ?? ['*']),
    ];
    let q = this.db.db
      .selectFrom('department as d')
      .innerJoin('unit as u', 'u.id', 'd.unit_id')
      .select(['d.id', 'd.code', 'd.name', 'd.unit_id as unitId'])
      .where('d.status', '=', 'active');
    if (!paths.includes('*')) {
      if (paths.length === 0) return [];
      const arr = sql`array[${sql.join(paths.map((p) => sql`${p}::ltree`))}]`;
      q = q.where(sql<boolean>`(u.path <@ ${arr} or u.path @> ${arr})`);
    }
    return q.orderBy('u.path').orderBy('d.code').execute();
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function sortKey(sort: string) {
  const t = (d: Date | string) => new Date(d).getTime();
  if (sort === 'dueAt') return (a: TicketView, b: TicketView) => t(a.resolve_due_at) - t(b.resolve_due_at) || b.id - a.id;
  if (sort === 'receivedAt') return (a: TicketView, b: TicketView) => t(a.received_at) - t(b.received_at) || b.id - a.id;
  if (sort === '-updatedAt') return (a: TicketView, b: TicketView) => t(b.updated_at) - t(a.updated_at) || b.id - a.id;
  return (a: TicketView, b: TicketView) => t(b.received_at) - t(a.received_at) || b.id - a.id;
}

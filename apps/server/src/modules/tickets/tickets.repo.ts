/** SQL for tickets and their timeline. The only place in the module that writes SQL for them. */
import { sql, type Expression, type Insertable, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { TicketTable } from '../../db/tables/tickets.ts';
import { pathWithin } from '../access/access.service.ts';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type TicketRow = Selectable<TicketTable>;

/** A ticket row with the names a response needs. */
export type TicketView = TicketRow & {
  category_code: string;
  category_name: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  holder_code: string;
  holder_name: string;
  holder_kind: string;
  department_code: string | null;
  department_name: string | null;
  department_unit_id: number | null;
};

/** Where a caller may look: unit subtrees (null = everywhere) and departments. */
export interface TicketScope {
  paths: string[] | null;
  departments: number[];
}

export function scopeCondition(scope: TicketScope): Expression<SqlBool> {
  if (scope.paths === null) return sql<SqlBool>`true`;
  const parts = [];
  if (scope.paths.length > 0) {
    parts.push(pathWithin(sql`t.unit_path`, scope.paths), pathWithin(sql`t.holder_unit_path`, scope.paths));
  }
  if (scope.departments.length > 0) parts.push(sql`t.department_ids && ${sql.val(scope.departments)}::int[]`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export const ticketsRepo = {
  selectView(q: Q) {
    return q
      .selectFrom('ticket as t')
      .innerJoin('ticket_category as c', 'c.id', 't.category_id')
      .innerJoin('unit as u', 'u.id', 't.unit_id')
      .innerJoin('unit as h', 'h.id', 't.holder_unit_id')
      .leftJoin('department as d', 'd.id', 't.holder_department_id')
      .selectAll('t')
      .select([
        'c.code as category_code',
        'c.name as category_name',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.kind as unit_kind',
        'h.code as holder_code',
        'h.name as holder_name',
        'h.kind as holder_kind',
        'd.code as department_code',
        'd.name as department_name',
        'd.unit_id as department_unit_id',
      ]);
  },

  async view(q: Q, id: number): Promise<TicketView | undefined> {
    return (await this.selectView(q).where('t.id', '=', id).executeTakeFirst()) as TicketView | undefined;
  },

  async lock(trx: Transaction<Database>, id: number): Promise<TicketRow | undefined> {
    return trx.selectFrom('ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /**
   * A new report in one statement (intake is the hot path): the ticket with its id from the
   * sequence and its code from the id, its first timeline entry and the holder's notification.
   */
  async insertReport(
    q: Q,
    row: Omit<Insertable<TicketTable>, 'id' | 'code'>,
    codePrefix: string,
    e: {
      actorUserId: number | null;
      actorName: string;
      toHolder: string;
      detail: Record<string, unknown>;
      attachmentIds: number[];
    },
    n: { light: string | null; unitId: number },
  ): Promise<{ id: number; code: string; notice_id: string }> {
    const cols = Object.keys(row) as (keyof typeof row)[];
    const r = await sql<{ id: number; code: string; notice_id: string }>`
      with n as (select nextval('ticket_id_seq')::int as id),
      t as (
        insert into ticket (id, code, ${sql.join(cols.map((c) => sql.ref(c)))})
        values ((select id from n), ${codePrefix} || lpad((select id from n)::text, 7, '0'), ${sql.join(cols.map((c) => sql.val(row[c])))})
        returning id, code, received_at, state
      ),
      e as (
        insert into ticket_event (ticket_id, seq, op, at, actor_user_id, actor_name, from_state, to_state, to_holder, detail, attachment_ids)
        select t.id, 1, 'report', t.received_at, ${e.actorUserId}::int, ${e.actorName}::text, null, t.state, ${e.toHolder}::text,
               ${JSON.stringify(e.detail)}::jsonb, ${sql.val(e.attachmentIds)}::int[]
        from t
      ),
      x as (
        insert into ticket_notification (ticket_id, kind, light, target_unit_id, target_department_id, at)
        select t.id, 'assigned', ${n.light}::text, ${n.unitId}::int, null, t.received_at from t
        returning id
      )
      select t.id, t.code, x.id::text as notice_id from t, x`.execute(q);
    return r.rows[0]!;
  },

  async update(q: Q, id: number, set: Partial<Record<keyof TicketTable, unknown>>): Promise<void> {
    await q
      .updateTable('ticket')
      .set(set as never)
      .where('id', '=', id)
      .execute();
  },

  async addEvent(
    q: Q,
    e: {
      ticket_id: number;
      op: string;
      at: Date;
      actor_user_id: number | null;
      actor_name: string;
      from_state: string | null;
      to_state: string;
      from_holder: string | null;
      to_holder: string | null;
      note: string | null;
      detail: Record<string, unknown>;
      attachment_ids: number[];
    },
  ): Promise<void> {
    await sql`
      insert into ticket_event (ticket_id, seq, op, at, actor_user_id, actor_name, from_state, to_state, from_holder, to_holder, note, detail, attachment_ids)
      select ${e.ticket_id}, coalesce(max(seq), 0) + 1, ${e.op}, ${e.at}, ${e.actor_user_id}, ${e.actor_name}, ${e.from_state}, ${e.to_state},
             ${e.from_holder}, ${e.to_holder}, ${e.note}, ${JSON.stringify(e.detail)}::jsonb, ${sql.val(e.attachment_ids)}::int[]
      from ticket_event where ticket_id = ${e.ticket_id}`.execute(q);
  },

  async timeline(q: Q, ticketId: number) {
    return q.selectFrom('ticket_event').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();
  },

  async pendingExtension(q: Q, ticketId: number) {
    return q
      .selectFrom('ticket_extension')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
  },

  async refs(q: Q, ids: number[]) {
    if (ids.length === 0) return [];
    return q.selectFrom('ticket').select(['id', 'code', 'title', 'state']).where('id', 'in', ids).execute();
  },

  /** Open tickets of the category near a point within the window, or of the same household. */
  async duplicates(
    q: Q,
    p: {
      categoryId: number;
      since: Date;
      lng?: number | undefined;
      lat?: number | undefined;
      radiusM: number;
      householdId?: number | undefined;
      excludeId?: number;
      scope?: TicketScope;
    },
  ) {
    const conds = [];
    if (p.lng !== undefined && p.lat !== undefined && p.radiusM > 0) {
      // Equirectangular distance in metres: exact enough within a county and index-free on both databases.
      const dist = sql<number>`6371000 * sqrt(power(radians(t.lat - ${p.lat}), 2) + power(radians(t.lng - ${p.lng}) * cos(radians(${p.lat})), 2))`;
      conds.push(sql<SqlBool>`(t.category_id = ${p.categoryId} and t.lat is not null and ${dist} <= ${p.radiusM})`);
    }
    if (p.householdId !== undefined) conds.push(sql<SqlBool>`t.household_id = ${p.householdId}`);
    if (conds.length === 0) return [];
    const distance =
      p.lng !== undefined && p.lat !== undefined
        ? sql<
            number | null
          >`case when t.lat is null then null else 6371000 * sqrt(power(radians(t.lat - ${p.lat}), 2) + power(radians(t.lng - ${p.lng}) * cos(radians(${p.lat})), 2)) end`
        : sql<number | null>`null::float8`;
    return q
      .selectFrom('ticket as t')
      .select(['t.id', 't.code', 't.title', 't.state', distance.as('distance_m')])
      .where('t.received_at', '>=', p.since)
      .where('t.state', 'in', ['reported', 'accepted', 'assigned', 'inProgress', 'resolved', 'verified'])
      .where(sql<SqlBool>`(${sql.join(conds, sql` or `)})`)
      .$if(p.excludeId !== undefined, (qb) => qb.where('t.id', '!=', p.excludeId!))
      .$if(p.scope !== undefined, (qb) => qb.where(scopeCondition(p.scope!)))
      .orderBy('t.received_at', 'desc')
      .limit(20)
      .execute();
  },
};

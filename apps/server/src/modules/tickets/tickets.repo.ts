/** SQL for tickets and their timeline. The only place in the module that writes SQL for them. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
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
};

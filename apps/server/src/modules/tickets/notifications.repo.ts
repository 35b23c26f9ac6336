/**
 * Reading stored ticket notifications back: what a reconnecting live stream missed. The viewer's
 * scope and area are conditions of the query, so the limit counts the viewer's own events only and
 * a narrow viewer's events are never cut off behind other units' ones.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { pathWithin } from '../access/access.service.ts';
import type { TicketNotice } from './notifier.ts';
import { scopeCondition, type TicketScope } from './tickets.repo.ts';

export const notificationsRepo = {
  /**
   * The notifications after `afterId` on tickets in `scope` (read as canReadTicket reads one ticket)
   * and, when `within` is a unit path, on tickets located in that subtree; oldest first, at most `limit`.
   */
  async missed(
    q: Kysely<Database>,
    opts: { afterId: string; scope: TicketScope; within: string | null; limit: number },
  ): Promise<TicketNotice[]> {
    const rows = await q
      .selectFrom('ticket_notification as n')
      .innerJoin('ticket as t', 't.id', 'n.ticket_id')
      .select([
        'n.id',
        'n.ticket_id',
        'n.kind',
        'n.light',
        'n.target_unit_id',
        'n.target_department_id',
        'n.at',
        't.code',
        't.title',
        't.state',
        't.unit_path',
        't.holder_unit_path',
        't.department_ids',
      ])
      .where('n.id', '>', opts.afterId)
      .where(scopeCondition(opts.scope))
      .where(opts.within === null ? sql<boolean>`true` : pathWithin(sql`t.unit_path`, [opts.within]))
      .orderBy('n.id')
      .limit(opts.limit)
      .execute();
    return rows.map((m) => ({
      id: Number(m.id),
      ticketId: m.ticket_id,
      code: m.code,
      title: m.title,
      state: m.state,
      kind: m.kind as TicketNotice['kind'],
      light: m.light,
      unitId: m.target_unit_id,
      departmentId: m.target_department_id,
      unitPath: m.unit_path,
      holderPath: m.holder_unit_path,
      departmentIds: m.department_ids,
      at: new Date(m.at),
    }));
  },
};

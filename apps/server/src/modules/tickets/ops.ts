/**
 * What each operation does to a ticket, once the state machine (ticket-roles.ts) has allowed it:
 * the columns it sets, the state it leads to and the new holder, if any. The caller
 * (operations.service.ts) locks the row, checks the version, writes the timeline and the light.
 */
import {
  ErrorCode,
  type Category,
  type OperationBody,
  type TicketActorRole,
  type TicketOperation,
  type TicketState,
} from '@wangge/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { computeDeadlines, dueDay, endOfDay, rulesFor, startOfDay, workdaysToClose } from './deadlines.ts';
import { unitHolder, unitsOnPath, type Holder } from './holders.ts';
import { target } from './targets.ts';
import type { TicketRow } from './tickets.repo.ts';

export interface OpContext {
  trx: Transaction<Database>;
  actor: Actor;
  row: TicketRow;
  now: Date;
  cal: WorkCalendar;
  category: Category;
  access: AccessService;
  roles: Set<TicketActorRole>;
}

export interface OpEffect {
  set: Partial<TicketRow>;
  to: TicketState;
  /** The new holder, when the ticket moves. */
  holder?: Holder;
  detail?: Record<string, unknown>;
}

type Handler<O extends TicketOperation> = (ctx: OpContext, body: OperationBody<O>) => Promise<OpEffect>;

const conflict = (message: string) => new AppError(409, ErrorCode.TransitionNotAllowed, message);
const bad = (path: string, message: string) => AppError.badRequest(message, [{ path: `/body/${path}`, message }]);
const needNote = (body: { note?: string }, what: string) => {
  if (!body.note?.trim()) throw bad('note', `${what} needs a note saying why`);
};

const moveTo = (row: TicketRow, h: Holder): Partial<TicketRow> => ({
  holder_level: h.level,
  holder_unit_id: h.unitId,
  holder_unit_path: h.unitPath,
  holder_department_id: h.departmentId,
  prev_holder_unit_id: row.holder_unit_id,
  prev_holder_department_id: row.holder_department_id,
  department_ids:
    h.departmentId && !row.department_ids.includes(h.departmentId) ? [...row.department_ids, h.departmentId] : row.department_ids,
});

const firstOr = (v: Date | null, now: Date) => v ?? now;

/** A fresh resolution deadline from now (redo, reopen). */
function newResolveStage(ctx: OpContext): Partial<TicketRow> {
  const d = computeDeadlines(ctx.cal, ctx.now, rulesFor(ctx.category.deadlines, ctx.row.urgency));
  return {
    resolve_due_at: d.resolve.dueAt,
    resolve_yellow_at: d.resolve.yellowAt,
    resolved_at: null,
    resolved_by: null,
    verified_at: null,
  };
}

export const handlers: { [O in TicketOperation]: Handler<O> } = {
  accept: async ({ now }) => ({ set: { accepted_at: now }, to: 'accepted' }),

  reject: async (ctx, body) => {
    if (body.reason === 'duplicate') {
      if (!body.duplicateOfId) throw bad('duplicateOfId', 'Rejecting as a duplicate names the ticket it duplicates');
      if (body.duplicateOfId === ctx.row.id) throw bad('duplicateOfId', 'A ticket cannot duplicate itself');
      const other = await ctx.trx.selectFrom('ticket').select('id').where('id', '=', body.duplicateOfId).executeTakeFirst();
      if (!other) throw bad('duplicateOfId', `Ticket ${body.duplicateOfId} not found`);
    } else needNote(body, 'Rejecting as invalid');
    return {
      set: { duplicate_of: body.duplicateOfId ?? null, closed_at: null },
      to: 'rejected',
      detail: { reason: body.reason },
    };
  },

  assign: async (ctx, body) => {
    const h = await target(ctx, body, true);
    const { row, now } = ctx;
    return {
      set: { ...moveTo(row, h), accepted_at: firstOr(row.accepted_at, now), dispatched_at: firstOr(row.dispatched_at, now) },
      to: 'assigned',
      holder: h,
    };
  },

  selfResolve: async ({ row, now, cal, actor }) => ({
    set: {
      self_resolved: true,
      handled_level: row.holder_level,
      accepted_at: firstOr(row.accepted_at, now),
      dispatched_at: firstOr(row.dispatched_at, now),
      feedback_at: firstOr(row.feedback_at, now),
      resolved_at: now,
      resolved_by: actor.userId,
      closed_at: now,
      result: now.getTime() <= new Date(row.resolve_due_at).getTime() ? 'onTime' : 'overdue',
      workdays_to_close: workdaysToClose(cal, new Date(row.received_at), now),
    },
    to: 'closed',
  }),

  start: async ({ row, now }) => ({
    set: { accepted_at: firstOr(row.accepted_at, now), dispatched_at: firstOr(row.dispatched_at, now) },
    to: 'inProgress',
  }),

  feedback: async ({ row, now }, body) => {
    needNote(body, 'Feedback');
    return { set: { feedback_at: firstOr(row.feedback_at, now) }, to: row.state as TicketState };
  },

  transfer: async (ctx, body) => {
    needNote(body, 'A transfer');
    const h = await target(ctx, body, false);
    const { row, now } = ctx;
    // 转办 hands the ticket on (交) like an assignment: an accepted ticket's response is given.
    return {
      set: { ...moveTo(row, h), accepted_at: firstOr(row.accepted_at, now), dispatched_at: firstOr(row.dispatched_at, now) },
      to: 'assigned',
      holder: h,
    };
  },

  return: async (ctx, body) => {
    needNote(body, 'Returning a ticket');
    const { row, trx } = ctx;
    if (row.prev_holder_unit_id === null) throw conflict('There is no earlier holder to return this ticket to');
    const u = await trx
      .selectFrom('unit')
      .select(['id', 'name', 'kind', 'path'])
      .where('id', '=', row.prev_holder_unit_id)
      .executeTakeFirstOrThrow();
    let h = unitHolder(u);
    if (row.prev_holder_department_id) {
      const d = await trx
        .selectFrom('department')
        .select(['id', 'name'])
        .where('id', '=', row.prev_holder_department_id)
        .executeTakeFirstOrThrow();
      h = { ...h, level: 'department', departmentId: d.id, name: d.name };
    }
    return {
      set: { ...moveTo(row, h), prev_holder_unit_id: null, prev_holder_department_id: null, return_count: row.return_count + 1 },
      to: 'accepted',
      holder: h,
    };
  },

  escalate: async (ctx, body) => {
    const { row, trx, category } = ctx;
    if (row.holder_department_id !== null) throw conflict('A department returns a ticket it cannot handle; it does not escalate');
    const chain = (await unitsOnPath(trx, row.holder_unit_path))
      .slice(0, -1)
      .filter((u) => ['county', 'township', 'village'].includes(u.kind));
    if (chain.length === 0) throw conflict('Nothing lies above the county: assign the ticket to a department');
    const to = body.toUnitId === undefined ? chain.at(-1) : chain.find((u) => u.id === body.toUnitId);
    if (!to) throw bad('toUnitId', 'Escalate to a unit above the current holder');
    const skipped = chain.length - 1 - chain.indexOf(to);
    if (skipped > 0 && !category.allowSkipLevels && row.urgency !== 'urgent')
      throw conflict(`Category ${category.name} does not allow skipping levels unless the ticket is urgent`);
    const h = unitHolder(to);
    return {
      set: { ...moveTo(row, h), escalation_count: row.escalation_count + 1 },
      to: 'accepted',
      holder: h,
      detail: { skippedLevels: skipped },
    };
  },

  consult: async ({ row, now, cal }, body) => {
    if (body.committedDate < cal.localDay(now)) throw bad('committedDate', 'The committed date lies in the past');
    const consultation = {
      participants: body.participants,
      decision: body.decision,
      committedDate: body.committedDate,
      at: now.toISOString(),
    };
    return {
      set: {
        consultation: consultation as never,
        resolve_due_at: endOfDay(body.committedDate),
        resolve_yellow_at: startOfDay(body.committedDate),
      },
      to: row.state as TicketState,
      detail: { committedDate: body.committedDate, previousDueAt: new Date(row.resolve_due_at).toISOString() },
    };
  },

  requestExtension: async ({ row, trx, actor, now }, body) => {
    await trx
      .insertInto('ticket_extension')
      .values({ ticket_id: row.id, workdays: body.workdays, reason: body.reason, requested_by: actor.userId, requested_at: now })
      .execute();
    return { set: {}, to: row.state as TicketState, detail: { workdays: body.workdays, reason: body.reason } };
  },

  decideExtension: async ({ row, trx, actor, now, cal }, body) => {
    const ext = await trx
      .selectFrom('ticket_extension')
      .selectAll()
      .where('ticket_id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!ext) throw conflict('No extension request is pending');
    await trx
      .updateTable('ticket_extension')
      .set({ status: body.approve ? 'approved' : 'refused', decided_by: actor.userId, decided_at: now })
      .where('id', '=', ext.id)
      .execute();
    if (!body.approve) return { set: {}, to: row.state as TicketState, detail: { approved: false, workdays: ext.workdays } };
    const day = cal.addWorkdays(dueDay(cal, new Date(row.resolve_due_at)), ext.workdays).day;
    return {
      set: { resolve_due_at: endOfDay(day), resolve_yellow_at: startOfDay(day), extension_count: row.extension_count + 1 },
      to: row.state as TicketState,
      detail: { approved: true, workdays: ext.workdays, dueDate: day },
    };
  },

  resolve: async ({ row, now, actor }) => ({
    set: {
      resolved_at: now,
      resolved_by: actor.userId,
      handled_level: row.holder_level,
      feedback_at: firstOr(row.feedback_at, now),
      dispatched_at: firstOr(row.dispatched_at, now),
    },
    to: 'resolved',
  }),

  verify: async ({ now }, body) => {
    if (body.passed) return { set: { verified_at: now }, to: 'verified', detail: { passed: true } };
    needNote(body, 'A failed verification');
    return { set: { resolved_at: null, resolved_by: null }, to: 'inProgress', detail: { passed: false } };
  },

  close: async ({ row, now, cal }) => {
    const resolvedAt = new Date(row.resolved_at ?? now);
    return {
      set: {
        closed_at: now,
        result: resolvedAt.getTime() <= new Date(row.resolve_due_at).getTime() ? 'onTime' : 'overdue',
        workdays_to_close: workdaysToClose(cal, new Date(row.received_at), resolvedAt),
      },
      to: 'closed',
    };
  },

  evaluate: async (ctx, body) => {
    const { now, row } = ctx;
    const set = { evaluation: body.rating, evaluation_comment: body.comment ?? null, evaluated_at: now };
    if (body.rating !== 'unsatisfied') return { set, to: 'evaluated', detail: { rating: body.rating } };
    // 不满意 → 重办: back to the handler with a fresh resolution deadline.
    return {
      set: {
        ...set,
        ...newResolveStage(ctx),
        closed_at: null,
        result: null,
        workdays_to_close: null,
        redo_count: row.redo_count + 1,
      },
      to: 'inProgress',
      detail: { rating: body.rating, redo: true },
    };
  },

  reopen: async (ctx, body) => {
    needNote(body, 'Reopening');
    return {
      set: {
        ...newResolveStage(ctx),
        closed_at: null,
        result: null,
        workdays_to_close: null,
        evaluation: null,
        duplicate_of: null,
        handled_level: null,
        // Reopened, it was not solved on the spot after all; a new selfResolve would say so again.
        self_resolved: false,
      },
      to: 'accepted',
    };
  },
};

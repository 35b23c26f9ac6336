/**
 * The closed loop (交—办—督—结—评): one entry point for every operation. It locks the ticket,
 * checks the version (stale → 409 with the current state), asks the state machine whether this
 * actor may do this now (409 listing what is allowed), applies the operation (ops.ts), writes one
 * immutable timeline entry, recomputes the light, and notifies the new holder after commit.
 * An Idempotency-Key makes a retried command one effect.
 */
import { ErrorCode, Permission, type AnyOperationBody, type Ticket, type TicketOperation } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { CategoriesService } from './categories.service.ts';
import { rulesFor, supervisionStepsOf } from './deadlines.ts';
import { checkKey, withIdempotency } from './idempotency.ts';
import { lightColumns } from './lights.ts';
import type { TicketNotice, TicketNotifier } from './notifier.ts';
import { handlers, type OpContext } from './ops.ts';
import { actorRoles, allowedOperations, canReadTicket, refusal } from './ticket-roles.ts';
import { toSummary } from './tickets.mapper.ts';
import { ticketsRepo } from './tickets.repo.ts';
import type { TicketsService } from './tickets.service.ts';

export class OperationsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
    private readonly categories: CategoriesService,
    private readonly tickets: TicketsService,
    private readonly notifier: TicketNotifier,
  ) {}

  async apply(
    actor: Actor,
    id: number,
    op: TicketOperation,
    body: AnyOperationBody,
    idempotencyKey?: string,
  ): Promise<{ ticket: Ticket; replayed: boolean }> {
    const key = checkKey(idempotencyKey);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    const outbox: TicketNotice[] = [];
    let hidden = false;
    const r = await withIdempotency(this.db, actor, key, { route: 'operation', id, op, body }, now, async (trx) => {
      // Inside the transaction only `trx` may touch the database (PGlite has one connection).
      const row = await ticketsRepo.lock(trx, id);
      if (!row || !canReadTicket(actor, row)) {
        hidden = true;
        throw AppError.notFound(`ticket ${id}`);
      }
      const pending = (await ticketsRepo.pendingExtension(trx, id)) !== undefined;
      const facts = { ...row, pending_extension: pending };
      if (body.version !== row.version) {
        const view = await ticketsRepo.view(trx, id);
        throw AppError.staleVersion(`Ticket ${row.code}`, toSummary(cal, view!, now), body.version, {
          currentState: row.state,
          allowed: allowedOperations(actor, facts),
        });
      }
      const why = refusal(actor, facts, op);
      if (why) {
        const allowed = allowedOperations(actor, facts);
        const message =
          why === 'state'
            ? `${op} does not apply to a ticket in state ${row.state}`
            : why === 'role'
              ? `You may not ${op} this ticket: it is held by another unit`
              : `${op} is not possible now`;
        throw new AppError(
          why === 'role' ? 403 : 409,
          why === 'role' ? ErrorCode.Forbidden : ErrorCode.TransitionNotAllowed,
          message,
          {
            currentState: row.state,
            allowed,
          },
        );
      }
      const category = await this.categories.get(row.category_id, trx);
      const ctx: OpContext = { trx, actor, row, now, cal, category, access: this.access, roles: actorRoles(actor, facts) };
      const effect = await (handlers[op] as (c: OpContext, b: AnyOperationBody) => ReturnType<(typeof handlers)['accept']>)(
        ctx,
        body,
      );
      const next = { ...row, ...effect.set, state: effect.to };
      const lights = lightColumns(cal, next, now, supervisionStepsOf(rulesFor(category.deadlines, row.urgency)));
      await ticketsRepo.update(trx, id, {
        ...effect.set,
        ...lights.set,
        state: effect.to,
        version: row.version + 1,
        updated_at: now,
        ...(effect.set.fields ? { fields: JSON.stringify(effect.set.fields) } : {}),
        ...(effect.set.consultation ? { consultation: JSON.stringify(effect.set.consultation) } : {}),
      });
      const fromHolder = await this.#holderName(trx, row.holder_unit_id, row.holder_department_id);
      await ticketsRepo.addEvent(trx, {
        ticket_id: id,
        op,
        at: now,
        actor_user_id: actor.userId,
        actor_name: actor.username,
        from_state: row.state,
        to_state: effect.to,
        from_holder: fromHolder,
        to_holder: effect.holder?.name ?? fromHolder,
        note: body.note?.trim() || null,
        detail: effect.detail ?? {},
        attachment_ids: body.attachmentIds ?? [],
      });
      if (body.attachmentIds?.length) {
        await this.tickets.attachments?.link(trx, actor, body.attachmentIds, { type: 'ticket', id, unitPath: row.unit_path });
        await ticketsRepo.update(trx, id, { attachment_ids: [...new Set([...row.attachment_ids, ...body.attachmentIds])] });
      }
      const holderUnit = effect.holder?.unitId ?? row.holder_unit_id;
      const holderDept = effect.holder ? effect.holder.departmentId : row.holder_department_id;
      const base = {
        ticketId: id,
        code: row.code,
        title: row.title,
        state: effect.to,
        unitPath: row.unit_path,
        holderPath: effect.holder?.unitPath ?? row.holder_unit_path,
        departmentIds: (effect.set.department_ids as number[] | undefined) ?? row.department_ids,
        unitId: holderUnit,
        departmentId: holderDept,
        at: now,
      };
      const notices: TicketNotice[] = [{ ...base, kind: effect.holder ? 'assigned' : 'state', light: lights.set.light }];
      if (lights.changed && lights.set.light && lights.set.light !== 'green')
        notices.push({ ...base, kind: 'light', light: lights.set.light });
      outbox.push(...(await this.notifier.store(trx, notices)));
      return this.tickets.detail(trx, actor, id);
    }).catch(async (e: unknown) => {
      // The refusal is audited outside the rolled-back transaction.
      if (hidden) return this.access.deny(actor, Permission.TicketsRead, { objectType: 'ticket', objectId: id });
      throw e;
    });
    this.notifier.publish(outbox);
    return { ticket: r.value, replayed: r.replayed };
  }

  async #holderName(trx: OpContext['trx'], unitId: number, departmentId: number | null) {
    if (departmentId) {
      const d = await trx.selectFrom('department').select('name').where('id', '=', departmentId).executeTakeFirst();
      if (d) return d.name;
    }
    const u = await trx.selectFrom('unit').select('name').where('id', '=', unitId).executeTakeFirst();
    return u?.name ?? null;
  }
}

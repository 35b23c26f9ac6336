/**
 * Tickets: intake (收) and reading. A report is placed with locate or on a chosen unit, validated
 * against its category, given its 13710 deadlines, checked for possible duplicates (shown, never
 * merged) and handed to the unit at the category's default level. The loop itself is in
 * operations.service.ts.
 */
import { ErrorCode, Permission, type Ticket, type TicketCreate, type TicketEvent } from '@wangge/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { MapsService } from '../units/maps.service.ts';
import type { UnitChains } from '../units/unit-chains.ts';
import type { CategoriesService } from './categories.service.ts';
import { computeDeadlines, rulesFor } from './deadlines.ts';
import { checkKey, purgeIdempotencyKeys, withIdempotency } from './idempotency.ts';
import { newTicketRow } from './intake-row.ts';
import { hasDuplicateQuery, intakeRepo, type DuplicateQuery, type DuplicateRow, type NewReport } from './intake.repo.ts';
import { Batcher } from '../../lib/batcher.ts';
import { lightColumns } from './lights.ts';
import type { TicketNotice, TicketNotifier } from './notifier.ts';
import { canReadTicket, allowedOperations } from './ticket-roles.ts';
import { pickHolder, type TicketAttachments } from './holders.ts';
import { toEvent, toTicket } from './tickets.mapper.ts';
import { ticketsRepo, type TicketScope, type TicketView } from './tickets.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

export class TicketsService {
  attachments: TicketAttachments | null = null;
  /**
   * Intake's two statements, each shared by the reports that arrive together (lib/batcher.ts): the
   * duplicate lookups, then the writes. They form a pipeline: while one group is written the next
   * one's duplicates are read. Writes go one group at a time: measured, two writers in parallel (even
   * on townships that share no summary row) were slower on two cores than one writing larger groups.
   */
  readonly #duplicates = new Batcher<DuplicateQuery, DuplicateRow[]>((qs) =>
    intakeRepo.duplicatesOfMany(this.db.db, qs, this.db.pool),
  );
  readonly #writes = new Batcher<NewReport, Awaited<ReturnType<typeof intakeRepo.insertReports>>[number]>(
    (rs) => intakeRepo.insertReports(this.db.db, rs, this.db.pool),
    { concurrency: 1 },
  );

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly calendar: CalendarService,
    private readonly categories: CategoriesService,
    private readonly maps: MapsService,
    private readonly notifier: TicketNotifier,
    private readonly audit: AuditService,
    private readonly chains: UnitChains,
  ) {}

  /** How intake groups its writes: groups written, reports in them, the largest group. */
  get intakeGroups() {
    return { writes: this.#writes.stats, duplicateLookups: this.#duplicates.stats };
  }

  /** Where the actor may read tickets. */
  scope(actor: Actor): TicketScope {
    const paths = this.access.scopePaths(
      { ...actor, grants: actor.grants.filter((g) => g.role !== 'departmentHandler') },
      Permission.TicketsRead,
    );
    const departments = actor.grants
      .filter((g) => g.role === 'departmentHandler' && g.departmentId !== null)
      .map((g) => g.departmentId!);
    return { paths, departments };
  }

  async report(actor: Actor, input: TicketCreate, idempotencyKey?: string): Promise<{ ticket: Ticket; replayed: boolean }> {
    const key = checkKey(idempotencyKey);
    const category = await this.categories.forIntake(input.categoryId);
    const fields = this.categories.validateFields(category, input.fields);
    const unitId = await this.#placeUnit(input);
    // The unit and its ancestors, usually from memory: the scope check and the holder both come from it.
    const chain = await this.chains.get(unitId);
    const unit = chain.at(-1);
    if (!unit || unit.id !== unitId) {
      await this.access.requireUnit(actor, Permission.TicketsReport, unitId); // refuses: there is no such unit
      throw AppError.notFound('Unit');
    }
    await this.access.requirePath(actor, Permission.TicketsReport, unit.path, { objectType: 'unit', objectId: unitId, unitId });
    const holder = pickHolder(chain, category.defaultLevel);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    const outbox: TicketNotice[] = [];
    const work = async (trx: Q) => {
      const household = input.householdId ? await this.#household(trx, actor, input.householdId) : null;
      const personNames = await this.#people(trx, actor, input.personIds ?? []);
      const personIds = personNames.map((p) => p.id);
      const d = computeDeadlines(cal, now, rulesFor(category.deadlines, input.urgency ?? 'normal'));
      if (d.missingYears.length > 0) await this.calendar.noteMissingYears(d.missingYears, trx);
      const query: DuplicateQuery = {
        categoryId: category.id,
        since: new Date(now.getTime() - category.duplicateWindowDays * 86_400_000),
        lng: input.location?.lng,
        lat: input.location?.lat,
        radiusM: category.duplicateRadiusM,
        householdId: household?.id,
      };
      // Outside a transaction a report joins the next group of its kind; inside one it goes alone.
      const alone = trx !== this.db.db;
      const dups = !hasDuplicateQuery(query)
        ? []
        : alone
          ? await intakeRepo.duplicates(trx, query)
          : await this.#duplicates.submit(query);
      const base = newTicketRow({
        input,
        category,
        unit,
        holder,
        household,
        personIds,
        fields,
        d,
        dups,
        actor,
        crypto: this.crypto,
        now,
      });
      const row = { ...base, ...lightColumns(cal, base, now).set };
      const report: NewReport = {
        row,
        codePrefix: `SJ${cal.localDay(now).replaceAll('-', '')}`,
        event: {
          actorUserId: actor.userId,
          actorName: actor.username,
          toHolder: holder.name,
          detail: { channel: input.channel, possibleDuplicates: dups.map((x) => x.code) },
          attachmentIds: input.attachmentIds ?? [],
        },
        notice: { light: row.light, unitId: holder.unitId },
      };
      const { id, code, notice_id } = alone
        ? (await intakeRepo.insertReports(trx, [report]))[0]!
        : await this.#writes.submit(report);
      const attachmentIds = input.attachmentIds ?? [];
      const attachments = attachmentIds.length
        ? ((await this.attachments?.link(trx as Transaction<Database>, actor, attachmentIds, {
            type: 'ticket',
            id,
            unitPath: unit.path,
          })) as Ticket['attachments'])
        : [];
      outbox.push({
        id: Number(notice_id),
        ticketId: id,
        code,
        title: row.title,
        state: 'reported',
        kind: 'assigned',
        light: row.light,
        unitId: holder.unitId,
        departmentId: null,
        unitPath: unit.path,
        holderPath: holder.unitPath,
        departmentIds: [],
        at: now,
      });
      // The answer is built from what is in hand: intake is the hot path, no second read.
      const view: TicketView = {
        ...row,
        light_at: row.light_at ?? null,
        id,
        code,
        version: 1,
        category_code: category.code,
        category_name: category.name,
        unit_code: unit.code,
        unit_name: unit.name,
        unit_kind: unit.kind,
        holder_code: holder.code,
        holder_name: holder.name,
        holder_kind: holder.kind,
        department_code: null,
        department_name: null,
        department_unit_id: null,
        fields,
        consultation: null,
      } as TicketView;
      return toTicket(cal, view, now, {
        attachments,
        household: household ? { id: household.id, address: household.address, headName: household.head_name } : null,
        people: personNames,
        reportedBy: actor.userId ? { userId: actor.userId, name: actor.displayName ?? actor.username } : null,
        possibleDuplicates: dups.map((x) => ({ id: x.id, code: x.code, title: x.title, state: x.state as Ticket['state'] })),
        duplicateOf: null,
        pendingExtension: null,
        allowedOperations: allowedOperations(actor, { ...view, pending_extension: false }),
      });
    };
    // The ticket, its first timeline entry and its notification are one statement, atomic alone;
    // a transaction only when an idempotency key or attachments are written with it.
    const r =
      key === undefined && !input.attachmentIds?.length
        ? { value: await work(this.db.db), replayed: false }
        : await withIdempotency(this.db, actor, key, { route: 'report', input }, now, work);
    this.notifier.publish(outbox);
    return { ticket: r.value, replayed: r.replayed };
  }

  /** Idempotency keys are kept a day. */
  purgeIdempotencyKeys(): Promise<number> {
    return purgeIdempotencyKeys(this.db, new Date(this.clock.now().getTime() - 86_400_000));
  }

  /** Whether the actor may read the ticket (files attached to it follow this). */
  async canRead(actor: Actor, id: number): Promise<boolean> {
    const t = await this.db.db
      .selectFrom('ticket')
      .select(['unit_path', 'holder_unit_path', 'department_ids'])
      .where('id', '=', id)
      .executeTakeFirst();
    return t !== undefined && canReadTicket(actor, t);
  }

  async get(actor: Actor, id: number): Promise<Ticket> {
    return this.detail(this.db.db, actor, id);
  }

  /** The ticket as the actor sees it, or 404 (audited) when it is out of their scope. */
  async detail(q: Transaction<Database> | Db['db'], actor: Actor, id: number): Promise<Ticket> {
    const t = await ticketsRepo.view(q, id);
    if (!t || !canReadTicket(actor, t)) {
      // Inside a transaction the audited refusal would wait on the connection the transaction holds.
      if (q !== this.db.db) throw AppError.notFound(`ticket ${id}`);
      return this.access.deny(actor, Permission.TicketsRead, { objectType: 'ticket', objectId: id });
    }
    const now = this.clock.now();
    const cal = await this.calendar.current(q);
    const pending = await ticketsRepo.pendingExtension(q, id);
    const refs = await ticketsRepo.refs(q, [...t.duplicate_candidates, ...(t.duplicate_of ? [t.duplicate_of] : [])]);
    const ref = (r: (typeof refs)[number]) => ({ id: r.id, code: r.code, title: r.title, state: r.state as Ticket['state'] });
    const household = t.household_id
      ? await q.selectFrom('household').select(['id', 'address', 'head_name']).where('id', '=', t.household_id).executeTakeFirst()
      : undefined;
    const people = t.person_ids.length
      ? await q.selectFrom('person').select(['id', 'name']).where('id', 'in', t.person_ids).execute()
      : [];
    const reporter = t.reported_by
      ? await q.selectFrom('user_account').select(['id', 'display_name']).where('id', '=', t.reported_by).executeTakeFirst()
      : undefined;
    const attachments = (await this.attachments?.listFor('ticket', [id], q))?.get(id) ?? [];
    return toTicket(cal, t, now, {
      attachments,
      household: household ? { id: household.id, address: household.address, headName: household.head_name } : null,
      people,
      reportedBy: reporter ? { userId: reporter.id, name: reporter.display_name } : null,
      possibleDuplicates: refs.filter((r) => t.duplicate_candidates.includes(r.id)).map(ref),
      duplicateOf: t.duplicate_of ? (refs.map(ref).find((r) => r.id === t.duplicate_of) ?? null) : null,
      pendingExtension: pending
        ? {
            id: pending.id,
            workdays: pending.workdays,
            reason: pending.reason,
            requestedAt: new Date(pending.requested_at).toISOString(),
          }
        : null,
      allowedOperations: allowedOperations(actor, { ...t, pending_extension: pending !== undefined }),
    });
  }

  /** The reporter's full phone: a separate, audited action within the actor's scope. */
  async revealReporterPhone(actor: Actor, id: number): Promise<{ phone: string }> {
    const t = await ticketsRepo.view(this.db.db, id);
    if (!t || !canReadTicket(actor, t))
      return this.access.deny(actor, Permission.TicketsRead, { objectType: 'ticket', objectId: id });
    await this.access.requirePath(actor, Permission.PersonalReveal, t.unit_path, {
      objectType: 'ticket',
      objectId: id,
      unitId: t.unit_id,
    });
    if (!t.reporter_phone_enc) throw AppError.notFound(`Reporter phone of ticket ${id}`);
    const phone = this.crypto.decrypt(t.reporter_phone_enc);
    await this.audit.record(this.db.db, actor, {
      action: 'ticket.reporterPhone.reveal',
      objectType: 'ticket',
      objectId: id,
      unitId: t.unit_id,
    });
    return { phone };
  }

  async timeline(actor: Actor, id: number): Promise<TicketEvent[]> {
    await this.get(actor, id);
    const files = new Map(((await this.attachments?.listFor('ticket', [id]))?.get(id) ?? []).map((f) => [f.id, f]));
    return (await ticketsRepo.timeline(this.db.db, id)).map((e) => toEvent(e, files));
  }

  async #placeUnit(input: TicketCreate): Promise<number> {
    if (input.location) {
      const located = await this.maps.locator.locate(input.location.lng, input.location.lat);
      if (located === null)
        throw new AppError(422, ErrorCode.UnprocessableEntity, 'The location lies outside every mapped unit of the county', {
          errors: [{ path: '/body/location', message: 'is outside the county' }],
        });
      if (input.unitId && input.unitId !== located) {
        const rows = await this.db.db
          .selectFrom('unit')
          .select(['id', 'path'])
          .where('id', 'in', [input.unitId, located])
          .execute();
        const chosen = rows.find((r) => r.id === input.unitId);
        const found = rows.find((r) => r.id === located)!;
        if (chosen && !`${found.path}.`.startsWith(`${chosen.path}.`))
          throw AppError.badRequest('The point lies outside the chosen unit', [
            { path: '/body/location', message: 'is outside unitId' },
          ]);
      }
      return located;
    }
    if (input.unitId) return input.unitId;
    throw AppError.badRequest('A ticket needs a location or a unit', [
      { path: '/body/location', message: 'give location or unitId' },
    ]);
  }

  async #household(trx: Q, actor: Actor, id: number) {
    const h = await trx
      .selectFrom('household as h')
      .innerJoin('unit as u', 'u.id', 'h.unit_id')
      .select(['h.id', 'h.address', 'h.head_name', 'u.path'])
      .where('h.id', '=', id)
      .executeTakeFirst();
    if (!h || !(actor.system || this.access.grantFor(actor, Permission.HouseholdsRead, h.path)))
      throw AppError.badRequest(`Household ${id} not found`, [{ path: '/body/householdId', message: 'not found' }]);
    return h;
  }

  async #people(trx: Q, actor: Actor, ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.name', 'u.path'])
      .where('p.id', 'in', ids)
      .execute();
    const ok = new Set(
      rows.filter((r) => actor.system || this.access.grantFor(actor, Permission.PeopleRead, r.path)).map((r) => r.id),
    );
    const missing = ids.filter((id) => !ok.has(id));
    if (missing.length > 0)
      throw AppError.badRequest(`People not found: ${missing.join(', ')}`, [{ path: '/body/personIds', message: 'not found' }]);
    return ids.map((id) => ({ id, name: rows.find((r) => r.id === id)!.name }));
  }
}

/**
 * Who lives where (residence: moving in and out, with dates) and who rents what (rental: a landlord
 * and tenants). Both the person and the house must lie in the actor's area.
 */
import { Permission } from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { PlacesService } from './places.service.ts';

export class OccupancyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly places: PlacesService,
  ) {}

  /** The person and the house, each in the actor's area for writing (else 404, audited). */
  private async requirePersonAndHouse(actor: Actor, personId: number, houseId: number) {
    const p = await this.db.db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'u.path', 'u.id as unit_id'])
      .where('p.id', '=', personId)
      .executeTakeFirst();
    if (!p) return this.access.deny(actor, Permission.PeopleWrite, { objectType: 'person', objectId: personId });
    await this.access.requirePath(actor, Permission.PeopleWrite, p.path, {
      objectType: 'person',
      objectId: personId,
      unitId: p.unit_id,
    });
    const h = await this.db.db
      .selectFrom('house as h')
      .innerJoin('unit as u', 'u.id', 'h.unit_id')
      .select(['h.id', 'h.building_id', 'u.path', 'u.id as unit_id'])
      .where('h.id', '=', houseId)
      .executeTakeFirst();
    if (!h) return this.access.deny(actor, Permission.PeopleWrite, { objectType: 'house', objectId: houseId });
    await this.access.requirePath(actor, Permission.PeopleWrite, h.path, {
      objectType: 'house',
      objectId: houseId,
      unitId: h.unit_id,
    });
    return h;
  }

  /**
   * Records that a person lives in a house from a date: their residence open at that date ends that
   * day. A move-in dated before their current residence began is history: it ends when that began.
   */
  async moveIn(actor: Actor, input: { personId: number; houseId: number; kind: string; fromDate: string }) {
    const h = await this.requirePersonAndHouse(actor, input.personId, input.houseId);
    await this.db.db.transaction().execute(async (tx) => {
      const later = await tx
        .selectFrom('residence')
        .select((eb) => eb.fn.min('from_date').as('from'))
        .where('person_id', '=', input.personId)
        .where('from_date', '>', input.fromDate)
        .executeTakeFirst();
      const until = (later?.from as string | null | undefined) ?? null;
      if (until === null)
        await tx
          .updateTable('residence')
          .set({ to_date: input.fromDate })
          .where('person_id', '=', input.personId)
          .where('to_date', 'is', null)
          .where('from_date', '<=', input.fromDate)
          .execute();
      const r = await tx
        .insertInto('residence')
        .values({
          person_id: input.personId,
          house_id: input.houseId,
          kind: input.kind,
          from_date: input.fromDate,
          to_date: until,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(tx, actor, {
        action: 'residence.create',
        objectType: 'residence',
        objectId: r.id,
        unitId: h.unit_id,
        detail: { personId: input.personId, ...(until ? { until } : {}) },
      });
    });
    return this.places.houses(actor, h.building_id);
  }

  /** A person moves out (迁出): their residence ends on `toDate`, not before it began. */
  async moveOut(actor: Actor, residenceId: number, toDate: string) {
    const r = await this.db.db
      .selectFrom('residence')
      .select(['id', 'person_id', 'house_id', 'from_date', 'to_date'])
      .where('id', '=', residenceId)
      .executeTakeFirst();
    if (!r) return this.access.deny(actor, Permission.PeopleWrite, { objectType: 'residence', objectId: residenceId });
    const h = await this.requirePersonAndHouse(actor, r.person_id, r.house_id);
    if (r.to_date !== null) throw AppError.conflict(`Residence ${residenceId} already ended on ${r.to_date}`);
    if (toDate < r.from_date)
      throw AppError.badRequest('A residence cannot end before it began', [{ path: '/body/toDate', message: 'before fromDate' }]);
    await this.db.db.transaction().execute(async (tx) => {
      await tx.updateTable('residence').set({ to_date: toDate }).where('id', '=', residenceId).execute();
      await this.audit.record(tx, actor, {
        action: 'residence.end',
        objectType: 'residence',
        objectId: residenceId,
        unitId: h.unit_id,
        detail: { personId: r.person_id, toDate },
      });
    });
    return this.places.houses(actor, h.building_id);
  }

  async createRental(
    actor: Actor,
    input: {
      houseId: number;
      landlordPersonId: number;
      tenantPersonIds: number[];
      fromDate: string;
      toDate?: string | undefined;
    },
  ) {
    const h = await this.requirePersonAndHouse(actor, input.landlordPersonId, input.houseId);
    for (const t of input.tenantPersonIds) await this.requirePersonAndHouse(actor, t, input.houseId);
    if (input.toDate && input.toDate < input.fromDate)
      throw AppError.badRequest('A rental cannot end before it starts', [{ path: '/body/toDate', message: 'before fromDate' }]);
    const id = await this.db.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('rental')
        .values({
          house_id: input.houseId,
          landlord_person_id: input.landlordPersonId,
          from_date: input.fromDate,
          to_date: input.toDate ?? null,
          created_at: this.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('rental_tenant')
        .values(input.tenantPersonIds.map((p) => ({ rental_id: r.id, person_id: p })))
        .execute();
      await tx.updateTable('house').set({ use: 'rented' }).where('id', '=', input.houseId).execute();
      await this.audit.record(tx, actor, { action: 'rental.create', objectType: 'rental', objectId: r.id, unitId: h.unit_id });
      return r.id;
    });
    return { id, houseId: input.houseId };
  }
}

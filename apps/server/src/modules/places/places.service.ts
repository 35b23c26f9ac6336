/**
 * Buildings (楼栋) → houses (房屋) → who lives there. Every record belongs to a unit; a point without
 * a unit is placed with locate(). Moving in and out, and rentals: occupancy.service.ts; organizations
 * and party members: organizations.service.ts.
 */
import { Permission } from '@wangge/contracts';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MapsService } from '../units/maps.service.ts';
import { toUnitRef } from '../units/units.mapper.ts';
import { like, placeUnit, type Point } from './place-unit.ts';

export class PlacesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly maps: MapsService,
  ) {}

  private placeUnit(actor: Actor, unitId: number | undefined, p: Point) {
    return placeUnit(this.access, this.maps, actor, unitId, p);
  }

  async listBuildings(actor: Actor, q: { within: number; q?: string; limit?: number; offset?: number }) {
    const { unit } = await this.access.requireUnit(actor, Permission.PeopleRead, q.within);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    let base = this.db.db
      .selectFrom('building as b')
      .innerJoin('unit as u', 'u.id', 'b.unit_id')
      .where(sql<SqlBool>`u.path <@ ${unit.path}::ltree`);
    if (q.q) base = base.where((eb) => eb.or([eb('b.name', 'like', like(q.q!)), eb('b.address', 'like', like(q.q!))]));
    const [rows, total] = await Promise.all([
      base
        .select([
          'b.id',
          'b.name',
          'b.address',
          'b.lng',
          'b.lat',
          'b.floors',
          'b.use',
          'u.id as unit_id',
          'u.code',
          'u.name as unit_name',
          'u.kind',
        ])
        .select(sql<number>`(select count(*) from house h where h.building_id = b.id)::int`.as('houses'))
        .select(
          sql<number>`(select count(*) from residence r join house h on h.id = r.house_id where h.building_id = b.id and r.to_date is null)::int`.as(
            'residents',
          ),
        )
        .orderBy('b.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((b) => ({
        id: b.id,
        unit: toUnitRef({ id: b.unit_id, code: b.code, name: b.unit_name, kind: b.kind }),
        name: b.name,
        address: b.address,
        lng: b.lng,
        lat: b.lat,
        floors: b.floors,
        use: b.use as never,
        houses: b.houses,
        residents: b.residents,
      })),
      total: total.n,
      limit,
      offset,
    };
  }

  async createBuilding(
    actor: Actor,
    input: { unitId?: number | undefined; name: string; address: string; floors?: number | undefined; use: string } & Point,
  ) {
    const unit = await this.placeUnit(actor, input.unitId, input);
    const id = await this.db.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('building')
        .values({
          unit_id: unit.id,
          name: input.name.trim(),
          address: input.address.trim(),
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          floors: input.floors ?? null,
          use: input.use,
          created_at: this.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(tx, actor, { action: 'building.create', objectType: 'building', objectId: r.id, unitId: unit.id });
      return r.id;
    });
    return (await this.listBuildings(actor, { within: unit.id, limit: 500 })).items.find((b) => b.id === id)!;
  }

  private async requireBuilding(actor: Actor, permission: Permission, id: number) {
    const b = await this.db.db
      .selectFrom('building as b')
      .innerJoin('unit as u', 'u.id', 'b.unit_id')
      .select(['b.id', 'b.unit_id', 'u.path'])
      .where('b.id', '=', id)
      .executeTakeFirst();
    if (!b) return this.access.deny(actor, permission, { objectType: 'building', objectId: id });
    await this.access.requirePath(actor, permission, b.path, { objectType: 'building', objectId: id, unitId: b.unit_id });
    return b;
  }

  /** The drill-down: a building's houses and who lives in each now. */
  async houses(actor: Actor, buildingId: number) {
    await this.requireBuilding(actor, Permission.PeopleRead, buildingId);
    const houses = await this.db.db
      .selectFrom('house')
      .selectAll()
      .where('building_id', '=', buildingId)
      .orderBy('number')
      .execute();
    const residents = houses.length
      ? await this.db.db
          .selectFrom('residence as r')
          .innerJoin('person as p', 'p.id', 'r.person_id')
          .select(['r.house_id', 'p.id', 'p.name', 'r.kind', 'r.from_date'])
          .where(
            'r.house_id',
            'in',
            houses.map((h) => h.id),
          )
          .where('r.to_date', 'is', null)
          .orderBy('p.id')
          .execute()
      : [];
    return houses.map((h) => ({
      id: h.id,
      buildingId: h.building_id,
      number: h.number,
      areaM2: h.area_m2,
      use: h.use as never,
      residents: residents
        .filter((x) => x.house_id === h.id)
        .map((x) => ({ personId: x.id, name: x.name, kind: x.kind, fromDate: x.from_date })),
    }));
  }

  async createHouse(
    actor: Actor,
    input: { buildingId: number; unitId?: number | undefined; number: string; areaM2?: number | undefined; use: string },
  ) {
    const b = await this.requireBuilding(actor, Permission.PeopleWrite, input.buildingId);
    if (input.unitId !== undefined && input.unitId !== b.unit_id) {
      throw AppError.badRequest('A house belongs to the unit of its building', [
        { path: '/body/unitId', message: 'building is in another unit' },
      ]);
    }
    try {
      await this.db.db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('house')
          .values({
            building_id: b.id,
            unit_id: b.unit_id,
            number: input.number.trim(),
            area_m2: input.areaM2 ?? null,
            use: input.use,
            created_at: this.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.audit.record(tx, actor, { action: 'house.create', objectType: 'house', objectId: r.id, unitId: b.unit_id });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict(`House ${input.number} already exists in this building`);
      throw err;
    }
    return this.houses(actor, b.id);
  }
}

/**
 * Organizations and places (组织/场所) and party members (党员). Every record belongs to a unit; an
 * organization given only a point is placed with locate().
 */
import { Permission, householdUnitKinds, type UnitKind } from '@wangge/contracts';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { queryGrams, textGrams } from '../../lib/grams.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MapsService } from '../units/maps.service.ts';
import { toUnitRef } from '../units/units.mapper.ts';
import { like, placeUnit, type Point } from './place-unit.ts';

export class OrganizationsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly maps: MapsService,
  ) {}

  private placeUnit(actor: Actor, unitId: number | undefined, p: Point) {
    return placeUnit(this.access, this.maps, actor, unitId, p);
  }

  async listOrganizations(actor: Actor, q: { within: number; q?: string; kind?: string; limit?: number; offset?: number }) {
    const { unit } = await this.access.requireUnit(actor, Permission.PeopleRead, q.within);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    let base = this.db.db
      .selectFrom('organization as o')
      .innerJoin('unit as u', 'u.id', 'o.unit_id')
      .where(sql<SqlBool>`u.path <@ ${unit.path}::ltree`);
    if (q.kind) base = base.where('o.kind', '=', q.kind);
    if (q.q)
      base = base.where(sql<SqlBool>`o.name_grams @> ${sql.val(queryGrams(q.q))}::text[]`).where('o.name', 'like', like(q.q));
    const [rows, total] = await Promise.all([
      base
        .select([
          'o.id',
          'o.name',
          'o.kind',
          'o.contact_name',
          'o.contact_phone_masked',
          'o.address',
          'o.lng',
          'o.lat',
          'u.id as unit_id',
          'u.code',
          'u.name as unit_name',
          'u.kind as unit_kind',
        ])
        .orderBy('o.name')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((o) => ({
        id: o.id,
        unit: toUnitRef({ id: o.unit_id, code: o.code, name: o.unit_name, kind: o.unit_kind }),
        name: o.name,
        kind: o.kind as never,
        contactName: o.contact_name,
        contactPhone: o.contact_phone_masked,
        address: o.address,
        lng: o.lng,
        lat: o.lat,
      })),
      total: total.n,
      limit,
      offset,
    };
  }

  async createOrganization(
    actor: Actor,
    input: {
      unitId?: number | undefined;
      name: string;
      kind: string;
      contactName?: string | undefined;
      contactPhone?: string | undefined;
      address?: string | undefined;
    } & Point,
  ) {
    const unit = await this.placeUnit(actor, input.unitId, input);
    const r = await this.db.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('organization')
        .values({
          unit_id: unit.id,
          name: input.name.trim(),
          name_grams: textGrams(input.name),
          kind: input.kind,
          contact_name: input.contactName ?? null,
          contact_phone_enc: input.contactPhone ? this.crypto.encrypt(input.contactPhone) : null,
          contact_phone_masked: input.contactPhone ? maskPhone(input.contactPhone) : null,
          address: input.address ?? null,
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          created_at: this.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(tx, actor, {
        action: 'organization.create',
        objectType: 'organization',
        objectId: r.id,
        unitId: unit.id,
      });
      return r;
    });
    return (await this.listOrganizations(actor, { within: unit.id, q: input.name, limit: 500 })).items.find(
      (o) => o.id === r.id,
    )!;
  }

  async addPartyMember(
    actor: Actor,
    input: { personId: number; partyGroupId?: number | undefined; joinedOn?: string | undefined; workingAway: boolean },
  ) {
    const p = await this.db.db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'u.path', 'u.id as unit_id', 'u.kind'])
      .where('p.id', '=', input.personId)
      .executeTakeFirst();
    if (!p) return this.access.deny(actor, Permission.PeopleWrite, { objectType: 'person', objectId: input.personId });
    await this.access.requirePath(actor, Permission.PeopleWrite, p.path, {
      objectType: 'person',
      objectId: input.personId,
      unitId: p.unit_id,
    });
    if (!householdUnitKinds.includes(p.kind as UnitKind)) throw AppError.badRequest('The person is not placed in a grid');
    if (input.partyGroupId !== undefined) {
      // A party group (党小组) belongs to one village: its members live there.
      const group = await this.db.db
        .selectFrom('party_group as g')
        .innerJoin('unit as v', 'v.id', 'g.village_id')
        .select(sql<boolean>`${p.path}::ltree <@ v.path`.as('inside'))
        .where('g.id', '=', input.partyGroupId)
        .executeTakeFirst();
      if (!group?.inside)
        throw AppError.badRequest(`Party group ${input.partyGroupId} is not in the person's village`, [
          { path: '/body/partyGroupId', message: group ? "not in the person's village" : 'not found' },
        ]);
    }
    try {
      await this.db.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('party_member')
          .values({
            person_id: input.personId,
            party_group_id: input.partyGroupId ?? null,
            joined_on: input.joinedOn ?? null,
            working_away: input.workingAway,
            created_at: this.clock.now(),
          })
          .execute();
        await this.audit.record(tx, actor, {
          action: 'partyMember.create',
          objectType: 'person',
          objectId: input.personId,
          unitId: p.unit_id,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('This person is already registered as a party member');
      throw err;
    }
    return { personId: input.personId };
  }
}

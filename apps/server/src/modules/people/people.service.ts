/**
 * People (实有人口): create, edit, search and read profiles, all scoped; ID numbers are validated in
 * full (person-rules.ts), stored encrypted, looked up by blind index and answered masked.
 */
import {
  householdUnitKinds,
  Permission,
  type PageOf,
  type Person,
  type IdType,
  type PersonFlag,
  type PersonInput,
  type PersonProfile,
  type PersonQuery,
  type PersonUpdate,
  type ResidenceType,
  type UnitKind,
} from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import { ageOn } from '../../lib/id-number.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { todayOf } from '../units/units.service.ts';
import { addressQueryGrams, peopleRepo, queryGrams, type PersonFilter, type PersonListRow } from './people.repo.ts';
import { blindIndexesOfAnyId, blindIndexOfPhone, checkPerson, type FieldProblem } from './person-rules.ts';

export function toPerson(r: PersonListRow, today: string): Person {
  return {
    id: r.id,
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, kind: r.unit_kind as UnitKind },
    householdId: r.household_id,
    relationToHead: r.relation_to_head,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    ethnicity: r.ethnicity,
    idType: r.id_type as IdType,
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
    residenceType: r.residence_type as ResidenceType,
    education: r.education,
    occupation: r.occupation,
    flags: r.flags as PersonFlag[],
    address: r.address,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** An edit's value: absent keeps the record's, null empties it. */
const edited = <T>(given: T | null | undefined, kept: T | null): T | undefined =>
  given === null ? undefined : (given ?? kept ?? undefined);

const problemsToErrors = (problems: FieldProblem[]) => problems.map((p) => ({ path: `/body/${p.field}`, message: p.message }));

/** Birth-date bounds for an age range on a given day. */
export function birthBounds(today: string, ageMin?: number, ageMax?: number) {
  const shift = (years: number) => `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
  const bornTo = ageMin !== undefined ? shift(ageMin) : undefined;
  // Older than ageMax + 1 years is out; the day after that birthday is the first one in.
  const bornFrom =
    ageMax !== undefined ? new Date(Date.parse(shift(ageMax + 1)) + 86_400_000).toISOString().slice(0, 10) : undefined;
  return { bornFrom, bornTo };
}

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The filter for a query: scope, subtree, and every search field. */
  async filterFor(
    actor: Actor,
    q: Omit<PersonQuery, 'limit' | 'offset'>,
    permission: Permission = Permission.PeopleRead,
  ): Promise<PersonFilter> {
    const f: PersonFilter = { scope: this.access.scopeCondition(actor, permission, 'u.path') };
    if (q.within !== undefined) f.withinPath = (await this.access.requireUnit(actor, permission, q.within)).unit.path;
    if (q.q) {
      f.nameGrams = queryGrams(q.q);
      f.nameLike = q.q.trim();
    }
    if (q.idNumber) f.idBidx = blindIndexesOfAnyId(this.crypto, q.idNumber);
    if (q.phone) f.phoneBidx = blindIndexOfPhone(this.crypto, q.phone);
    if (q.address) {
      f.addressGrams = addressQueryGrams(q.address);
      f.addressLike = q.address.trim();
    }
    if (q.residenceType) f.residenceType = q.residenceType;
    if (q.flag) f.flag = q.flag;
    if (q.householdId !== undefined) f.householdId = q.householdId;
    if (q.sort) f.sort = q.sort;
    Object.assign(
      f,
      Object.fromEntries(Object.entries(birthBounds(todayOf(this.clock), q.ageMin, q.ageMax)).filter(([, v]) => v)),
    );
    return f;
  }

  async search(actor: Actor, q: PersonQuery): Promise<PageOf<Person> & { totalIsEstimate: boolean }> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { rows, total, estimate } = await peopleRepo.search(this.db.db, await this.filterFor(actor, q), limit, offset);
    const today = todayOf(this.clock);
    return { items: rows.map((r) => toPerson(r, today)), total, totalIsEstimate: estimate, limit, offset };
  }

  private async requirePerson(actor: Actor, permission: Permission, id: number) {
    const r = await peopleRepo.findById(this.db.db, id);
    if (!r) return this.access.deny(actor, permission, { objectType: 'person', objectId: id });
    await this.access.requirePath(actor, permission, r.unit_path, { objectType: 'person', objectId: id, unitId: r.unit_id });
    return r;
  }

  async profile(actor: Actor, id: number): Promise<PersonProfile> {
    const r = await this.requirePerson(actor, Permission.PeopleRead, id);
    const today = todayOf(this.clock);
    const [household, residences, rentals, member] = await Promise.all([
      r.household_id ? peopleRepo.household(this.db.db, r.household_id) : null,
      peopleRepo.residences(this.db.db, id),
      peopleRepo.rentals(this.db.db, id),
      peopleRepo.partyMember(this.db.db, id),
    ]);
    return {
      person: toPerson(r, today),
      household: household && {
        id: household.id,
        address: household.address,
        headName: household.head_name,
        members: household.members.map((m) => ({
          id: m.id,
          name: m.name,
          relationToHead: m.relation_to_head,
          age: ageOn(m.birth_date, today),
        })),
      },
      residences: residences.map((x) => ({
        id: x.id,
        house: { id: x.house_id, number: x.number, buildingId: x.building_id, buildingName: x.building_name, address: x.address },
        kind: x.kind as never,
        fromDate: x.from_date,
        toDate: x.to_date,
      })),
      rentals: rentals.map((x) => ({
        id: x.id,
        role: x.landlord_id === id ? ('landlord' as const) : ('tenant' as const),
        house: { id: x.house_id, number: x.number, buildingId: x.building_id, buildingName: x.building_name, address: x.address },
        landlord: { id: x.landlord_id, name: x.landlord_name },
        tenants: x.tenants,
        fromDate: x.from_date,
        toDate: x.to_date,
      })),
      partyMember: member
        ? { joinedOn: member.joined_on, workingAway: member.working_away, partyGroup: member.group_name }
        : null,
    };
  }

  /** The unit a person record hangs on: a household's unit, or the lowest-kind unit given. */
  private async homeUnit(actor: Actor, unitId: number, householdId: number | undefined) {
    const { unit } = await this.access.requireUnit(actor, Permission.PeopleWrite, unitId);
    if (!householdUnitKinds.includes(unit.kind as UnitKind)) {
      throw AppError.badRequest(`A person belongs to a grid, micro-grid or household group, not a ${unit.kind}`, [
        { path: '/body/unitId', message: 'wrong unit kind' },
      ]);
    }
    if (householdId !== undefined) {
      const h = await this.db.db
        .selectFrom('household')
        .select(['id', 'unit_id'])
        .where('id', '=', householdId)
        .executeTakeFirst();
      if (!h || h.unit_id !== unit.id)
        throw AppError.badRequest(`Household ${householdId} is not in ${unit.name}`, [
          { path: '/body/householdId', message: 'not in this unit' },
        ]);
    }
    return unit;
  }

  async create(actor: Actor, input: PersonInput): Promise<Person> {
    const unit = await this.homeUnit(actor, input.unitId, input.householdId);
    const checked = checkPerson(input, this.crypto, todayOf(this.clock));
    if (!checked.ok) throw AppError.badRequest(checked.problems[0]!.message, problemsToErrors(checked.problems));
    const now = this.clock.now();
    try {
      const id = await this.db.db.transaction().execute(async (tx) => {
        const r = await peopleRepo.insert(tx, {
          ...checked.row,
          unit_id: unit.id,
          household_id: input.householdId ?? null,
          created_at: now,
          updated_at: now,
        });
        await this.audit.record(tx, actor, { action: 'person.create', objectType: 'person', objectId: r.id, unitId: unit.id });
        return r.id;
      });
      return toPerson((await peopleRepo.findById(this.db.db, id))!, todayOf(this.clock));
    } catch (err) {
      if (isUniqueViolation(err))
        throw AppError.conflict('A person with this ID number is already registered', {
          errors: [{ path: '/body/idNumber', message: 'already registered' }],
        });
      throw err;
    }
  }

  async update(actor: Actor, id: number, input: PersonUpdate): Promise<Person> {
    const current = await this.requirePerson(actor, Permission.PeopleWrite, id);
    if (current.version !== input.version)
      throw AppError.staleVersion(`Person ${id}`, toPerson(current, todayOf(this.clock)), input.version);
    const unitId = input.unitId ?? current.unit_id;
    const householdId = edited(input.householdId, current.household_id);
    if (input.unitId !== undefined || input.householdId != null) await this.homeUnit(actor, unitId, householdId);
    const merged = {
      name: input.name ?? current.name,
      idType: current.id_type as IdType,
      idNumber: this.crypto.decrypt(current.id_number_enc),
      // Derived from the document when it holds them (and then equal); kept from the record otherwise.
      sex: input.sex ?? current.sex,
      birthDate: input.birthDate ?? current.birth_date,
      ethnicity: edited(input.ethnicity, current.ethnicity),
      phone: edited(input.phone, current.phone_enc ? this.crypto.decrypt(current.phone_enc) : null),
      residenceType: input.residenceType ?? (current.residence_type as ResidenceType),
      education: edited(input.education, current.education),
      occupation: edited(input.occupation, current.occupation),
      relationToHead: edited(input.relationToHead, current.relation_to_head),
      flags: input.flags ?? (current.flags as PersonFlag[]),
      address: edited(input.address, current.address),
    };
    const checked = checkPerson(merged, this.crypto, todayOf(this.clock));
    if (!checked.ok) throw AppError.badRequest(checked.problems[0]!.message, problemsToErrors(checked.problems));
    await this.db.db.transaction().execute(async (tx) => {
      const { id_number_bidx: _keep, ...row } = checked.row;
      await tx
        .updateTable('person')
        .set((eb) => ({
          ...row,
          unit_id: unitId,
          household_id: householdId ?? null,
          updated_at: this.clock.now(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
      await this.audit.record(tx, actor, {
        action: 'person.update',
        objectType: 'person',
        objectId: id,
        unitId,
        detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
      });
    });
    return toPerson((await peopleRepo.findById(this.db.db, id))!, todayOf(this.clock));
  }

  /** The full ID number or phone: a separate, audited action. */
  async reveal(actor: Actor, id: number, field: 'idNumber' | 'phone'): Promise<string> {
    const r = await this.requirePerson(actor, Permission.PersonalReveal, id);
    const enc = field === 'idNumber' ? r.id_number_enc : r.phone_enc;
    if (!enc) throw AppError.notFound(`${field} of person ${id}`);
    const value = this.crypto.decrypt(enc);
    await this.audit.record(this.db.db, actor, {
      action: `person.${field}.reveal`,
      objectType: 'person',
      objectId: id,
      unitId: r.unit_id,
    });
    return value;
  }
}

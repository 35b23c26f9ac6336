/**
 * Households (户). A household belongs to the lowest unit that contains it: a grid, micro-grid or
 * household group with no active child units. Moving one records where it came from.
 */
import {
  Permission,
  householdUnitKinds,
  type Household,
  type HouseholdCreate,
  type HouseholdListQuery,
  type PageOf,
  type UnitKind,
} from '@wangge/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { unitsRepo } from '../units/units.repo.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';

type Row = {
  id: number;
  address: string;
  head_name: string;
  member_count: number;
  updated_at: Date | string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
};

const toHousehold = (r: Row): Household => ({
  id: r.id,
  unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, kind: r.unit_kind as UnitKind },
  address: r.address,
  headName: r.head_name,
  memberCount: r.member_count,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export class HouseholdsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private select() {
    return this.db.db
      .selectFrom('household as h')
      .innerJoin('unit as u', 'u.id', 'h.unit_id')
      .select([
        'h.id',
        'h.address',
        'h.head_name',
        'h.member_count',
        'h.updated_at',
        'u.id as unit_id',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.kind as unit_kind',
      ]);
  }

  private async load(id: number): Promise<Household> {
    const r = await this.select().where('h.id', '=', id).executeTakeFirst();
    if (!r) throw AppError.notFound(`Household ${id}`);
    return toHousehold(r);
  }

  /** The household, when the actor holds `permission` over its unit; otherwise 404 (audited). */
  private async requireHousehold(actor: Actor, permission: Permission, id: number): Promise<Household> {
    const r = await this.db.db
      .selectFrom('household as h')
      .innerJoin('unit as u', 'u.id', 'h.unit_id')
      .select(['h.id', 'u.id as unit_id', 'u.path'])
      .where('h.id', '=', id)
      .executeTakeFirst();
    if (!r) return this.access.deny(actor, permission, { objectType: 'household', objectId: id });
    await this.access.requirePath(actor, permission, r.path, { objectType: 'household', objectId: id, unitId: r.unit_id });
    return this.load(id);
  }

  get(actor: Actor, id: number): Promise<Household> {
    return this.requireHousehold(actor, Permission.HouseholdsRead, id);
  }

  /** The unit must be of a household kind, active, and have no active children (the lowest unit). */
  private async checkHomeUnit(unitId: number) {
    const unit = await unitsRepo.findById(this.db.db, unitId);
    if (!unit) throw AppError.badRequest(`Unit ${unitId} does not exist`, [{ path: '/body/unitId', message: 'unknown unit' }]);
    if (!householdUnitKinds.includes(unit.kind as UnitKind)) {
      throw AppError.badRequest(`A household belongs to a grid, micro-grid or household group, not a ${unit.kind}`, [
        { path: '/body/unitId', message: 'wrong unit kind' },
      ]);
    }
    if (unit.status !== 'active')
      throw AppError.badRequest(`${unit.name} is retired`, [{ path: '/body/unitId', message: 'retired unit' }]);
    if ((await unitsRepo.childCount(this.db.db, unitId)) > 0) {
      throw AppError.badRequest(`${unit.name} is divided further; place the household in the lowest unit`, [
        { path: '/body/unitId', message: 'not the lowest unit' },
      ]);
    }
    return unit;
  }

  async create(actor: Actor, input: HouseholdCreate): Promise<Household> {
    await this.access.requireUnit(actor, Permission.HouseholdsWrite, input.unitId);
    await this.checkHomeUnit(input.unitId);
    const now = this.clock.now();
    const id = await this.db.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('household')
        .values({
          unit_id: input.unitId,
          address: input.address.trim(),
          head_name: input.headName.trim(),
          member_count: input.memberCount ?? 0,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit.record(tx, actor, {
        action: 'household.create',
        objectType: 'household',
        objectId: r.id,
        unitId: input.unitId,
      });
      return r.id;
    });
    return this.load(id);
  }

  async move(actor: Actor, id: number, unitId: number, reason: string | null): Promise<Household> {
    const current = await this.requireHousehold(actor, Permission.HouseholdsWrite, id);
    if (current.unit.id === unitId) return current;
    await this.access.requireUnit(actor, Permission.HouseholdsWrite, unitId);
    await this.checkHomeUnit(unitId);
    const now = this.clock.now();
    await this.db.db.transaction().execute(async (tx) => {
      await tx.updateTable('household').set({ unit_id: unitId, updated_at: now }).where('id', '=', id).execute();
      await tx
        .insertInto('household_move')
        .values({ household_id: id, from_unit_id: current.unit.id, to_unit_id: unitId, at: now, reason })
        .execute();
      await this.audit.record(tx, actor, {
        action: 'household.move',
        objectType: 'household',
        objectId: id,
        unitId,
        detail: { from: current.unit.id },
      });
    });
    return this.load(id);
  }

  async list(actor: Actor, q: HouseholdListQuery): Promise<PageOf<Household>> {
    const { unit } = await this.access.requireUnit(actor, Permission.HouseholdsRead, q.within);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    let base = this.select().where(sql<boolean>`u.path <@ ${unit.path}::ltree`);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) => eb.or([eb('h.address', 'like', like), eb('h.head_name', 'like', like)]));
    }
    const [rows, total] = await Promise.all([
      base.orderBy('u.code').orderBy('h.id').limit(limit).offset(offset).execute(),
      base
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toHousehold), total: total.n, limit, offset };
  }

  async history(actor: Actor, id: number) {
    await this.requireHousehold(actor, Permission.HouseholdsRead, id);
    const rows = await this.db.db
      .selectFrom('household_move as m')
      .innerJoin('unit as f', 'f.id', 'm.from_unit_id')
      .innerJoin('unit as t', 't.id', 'm.to_unit_id')
      .select([
        'm.at',
        'm.reason',
        'f.id as f_id',
        'f.code as f_code',
        'f.name as f_name',
        'f.kind as f_kind',
        't.id as t_id',
        't.code as t_code',
        't.name as t_name',
        't.kind as t_kind',
      ])
      .where('m.household_id', '=', id)
      .orderBy('m.id', 'desc')
      .execute();
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      from: { id: r.f_id, code: r.f_code, name: r.f_name, kind: r.f_kind as UnitKind },
      to: { id: r.t_id, code: r.t_code, name: r.t_name, kind: r.t_kind as UnitKind },
      reason: r.reason,
    }));
  }
}

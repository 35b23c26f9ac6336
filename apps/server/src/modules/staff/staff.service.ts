/**
 * Staff and their roles at units (domain.md §3). Assignments have start and end dates; ending one
 * keeps it in history. A grid has exactly one open grid-leader assignment (a unique index says so).
 */
import {
  roleUnitKinds,
  type Assignment,
  type AssignmentCreate,
  type PageOf,
  type PartyGroup,
  type RosterQuery,
  type Staff,
  type StaffCreate,
  type UnitKind,
} from '@wangge/contracts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { todayOf } from '../units/units.service.ts';
import { unitsRepo } from '../units/units.repo.ts';
import { staffRepo, type AssignmentRow } from './staff.repo.ts';

function toAssignment(r: Omit<AssignmentRow, 'unit_path'>, today: string): Assignment {
  return {
    id: r.id,
    staff: { id: r.staff_id, name: r.staff_name, phone: r.phone_masked },
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name, kind: r.unit_kind as UnitKind },
    role: r.role as Assignment['role'],
    post: r.post,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    active: r.starts_on <= today && (r.ends_on === null || r.ends_on > today),
  };
}

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
  ) {}

  async createStaff(input: StaffCreate): Promise<Staff> {
    const row = await staffRepo.insertStaff(this.db.db, {
      name: input.name.trim(),
      phone_enc: this.crypto.encrypt(input.phone),
      phone_masked: maskPhone(input.phone),
      phone_bidx: this.crypto.blindIndex(input.phone),
      party_member: input.partyMember ?? false,
      note: input.note ?? null,
      created_at: this.clock.now(),
    });
    return { id: row.id, name: row.name, phone: row.phone_masked, partyMember: row.party_member, note: row.note };
  }

  async searchStaff(q: { q?: string; phone?: string; limit?: number; offset?: number }): Promise<PageOf<Staff>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { rows, total } = await staffRepo.searchStaff(
      this.db.db,
      { ...(q.q ? { q: q.q } : {}), ...(q.phone ? { phoneBidx: this.crypto.blindIndex(q.phone) } : {}) },
      limit,
      offset,
    );
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, phone: r.phone_masked, partyMember: r.party_member, note: r.note })),
      total,
      limit,
      offset,
    };
  }

  async assign(input: AssignmentCreate): Promise<Assignment> {
    const today = todayOf(this.clock);
    const startsOn = input.startsOn ?? today;
    const id = await this.db.db.transaction().execute(async (tx) => {
      const staff = await staffRepo.findStaff(tx, input.staffId);
      if (!staff)
        throw AppError.badRequest(`Staff ${input.staffId} does not exist`, [{ path: '/body/staffId', message: 'unknown staff' }]);
      const unit = await unitsRepo.findById(tx, input.unitId);
      if (!unit)
        throw AppError.badRequest(`Unit ${input.unitId} does not exist`, [{ path: '/body/unitId', message: 'unknown unit' }]);
      if (unit.status !== 'active')
        throw AppError.badRequest(`${unit.name} is retired`, [{ path: '/body/unitId', message: 'retired unit' }]);
      const kinds = roleUnitKinds[input.role];
      if (!kinds.includes(unit.kind)) {
        throw AppError.badRequest(`A ${input.role} is held at a ${kinds.join(' or ')}, not at a ${unit.kind}`, [
          { path: '/body/role', message: 'wrong unit kind' },
        ]);
      }
      if (input.role === 'welfarePost' && !input.post)
        throw AppError.badRequest('Name the post held', [{ path: '/body/post', message: 'required for welfarePost' }]);
      try {
        const r = await staffRepo.insertAssignment(tx, {
          staff_id: staff.id,
          unit_id: unit.id,
          role: input.role,
          post: input.post ?? null,
          starts_on: startsOn,
          created_at: this.clock.now(),
        });
        return r.id;
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw AppError.conflict(`${unit.name} already has an active grid leader; end that assignment first`, {
            errors: [{ path: '/body/role', message: 'second active grid leader' }],
          });
        }
        throw err;
      }
    });
    return this.getAssignment(id);
  }

  async getAssignment(id: number): Promise<Assignment> {
    const r = await staffRepo.findAssignment(this.db.db, id);
    if (!r) throw AppError.notFound(`Assignment ${id}`);
    return toAssignment(r, todayOf(this.clock));
  }

  async endAssignment(id: number, endsOn: string | undefined, reason: string | null): Promise<Assignment> {
    const current = await this.getAssignment(id);
    if (current.endsOn !== null) throw AppError.conflict(`Assignment ${id} has already ended on ${current.endsOn}`);
    const end = endsOn ?? todayOf(this.clock);
    if (end < current.startsOn)
      throw AppError.badRequest(`An assignment cannot end before it starts (${current.startsOn})`, [
        { path: '/body/endsOn', message: 'before start' },
      ]);
    await staffRepo.endAssignment(this.db.db, id, end, reason);
    return this.getAssignment(id);
  }

  async roster(q: RosterQuery): Promise<PageOf<Assignment>> {
    const unit = await unitsRepo.findById(this.db.db, q.within);
    if (!unit) throw AppError.notFound(`Unit ${q.within}`);
    const today = todayOf(this.clock);
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { rows, total } = await staffRepo.roster(
      this.db.db,
      {
        path: unit.path,
        ...(q.role ? { role: q.role } : {}),
        ...(q.active !== false ? { activeOn: today } : {}),
        ...(q.q ? { q: q.q } : {}),
      },
      limit,
      offset,
    );
    return { items: rows.map((r) => toAssignment(r, today)), total, limit, offset };
  }

  async history(staffId: number): Promise<Assignment[]> {
    const staff = await staffRepo.findStaff(this.db.db, staffId);
    if (!staff) throw AppError.notFound(`Staff ${staffId}`);
    const today = todayOf(this.clock);
    // The empty ltree is the ancestor of every path: all of this person's assignments, ended ones too.
    const { rows } = await staffRepo.roster(this.db.db, { path: '', staffId }, 500, 0);
    return rows.map((r) => toAssignment(r, today));
  }

  async createPartyGroup(villageId: number, name: string, gridIds: number[]): Promise<PartyGroup> {
    const village = await unitsRepo.findById(this.db.db, villageId);
    if (!village || village.kind !== 'village') throw AppError.notFound(`Village ${villageId}`);
    const grids = await unitsRepo.findManyByIds(this.db.db, gridIds);
    for (const id of gridIds) {
      const g = grids.find((x) => x.id === id);
      if (!g || g.kind !== 'grid' || !g.path.startsWith(`${village.path}.`)) {
        throw AppError.badRequest(`Unit ${id} is not a grid of ${village.name}`, [
          { path: '/body/gridIds', message: 'not a grid of this village' },
        ]);
      }
    }
    const id = await this.db.db
      .transaction()
      .execute((tx) => staffRepo.insertPartyGroup(tx, { village_id: villageId, name, created_at: this.clock.now() }, gridIds));
    return (await this.partyGroups(villageId)).find((g) => g.id === id)!;
  }

  async partyGroups(villageId: number): Promise<PartyGroup[]> {
    const village = await unitsRepo.findById(this.db.db, villageId);
    if (!village) throw AppError.notFound(`Unit ${villageId}`);
    const rows = await staffRepo.partyGroups(this.db.db, villageId);
    const groups = new Map<number, PartyGroup>();
    for (const r of rows) {
      const g = groups.get(r.id) ?? {
        id: r.id,
        name: r.name,
        village: { id: village.id, code: village.code, name: village.name, kind: 'village' as const },
        grids: [],
      };
      g.grids.push({ id: r.grid_id, code: r.grid_code, name: r.grid_name, kind: r.grid_kind as UnitKind });
      groups.set(r.id, g);
    }
    return [...groups.values()];
  }
}

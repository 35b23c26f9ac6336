/**
 * Staff and their roles at units (domain.md §3). Assignments have start and end dates; ending one
 * keeps it in history. A grid has exactly one open grid-leader assignment (a unique index says so).
 * A staff record is visible where the actor's scope covers the unit that registered the person or
 * a unit where they hold or held a role.
 */
import {
  Permission,
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
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { unitsRepo } from '../units/units.repo.ts';
import { todayOf } from '../units/units.service.ts';
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

type StaffRow = NonNullable<Awaited<ReturnType<typeof staffRepo.findStaff>>>;
const toStaff = (r: StaffRow): Staff => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  phone: r.phone_masked,
  partyMember: r.party_member,
  note: r.note,
});

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly crypto: FieldCrypto,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  private async requireStaff(actor: Actor, permission: Permission, staffId: number): Promise<StaffRow> {
    const staff = await staffRepo.findStaff(this.db.db, staffId);
    if (staff && actor.system) return staff;
    if (staff) {
      const paths = await staffRepo.unitPathsOf(this.db.db, staff.id, staff.unit_id);
      if (paths.some((p) => this.access.grantFor(actor, permission, p))) return staff;
    }
    return this.access.deny(actor, permission, { objectType: 'staff', objectId: staffId });
  }

  async createStaff(actor: Actor, input: StaffCreate): Promise<Staff> {
    await this.access.requireUnit(actor, Permission.StaffWrite, input.unitId);
    const row = await this.db.db.transaction().execute(async (tx) => {
      const row = await staffRepo.insertStaff(tx, {
        unit_id: input.unitId,
        name: input.name.trim(),
        phone_enc: this.crypto.encrypt(input.phone),
        phone_masked: maskPhone(input.phone),
        phone_bidx: this.crypto.blindIndex(input.phone),
        party_member: input.partyMember ?? false,
        note: input.note ?? null,
        created_at: this.clock.now(),
      });
      await this.audit.record(tx, actor, { action: 'staff.create', objectType: 'staff', objectId: row.id, unitId: input.unitId });
      return row;
    });
    return toStaff(row);
  }

  /** The full phone number: a separate, audited action. */
  async revealPhone(actor: Actor, staffId: number): Promise<string> {
    const staff = await this.requireStaff(actor, Permission.PersonalReveal, staffId);
    const phone = this.crypto.decrypt(staff.phone_enc);
    await this.audit.record(this.db.db, actor, {
      action: 'staff.phone.reveal',
      objectType: 'staff',
      objectId: staffId,
      unitId: staff.unit_id,
    });
    return phone;
  }

  async searchStaff(actor: Actor, q: { q?: string; phone?: string; limit?: number; offset?: number }): Promise<PageOf<Staff>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const { rows, total } = await staffRepo.searchStaff(
      this.db.db,
      {
        scope: this.access.scopeCondition(actor, Permission.StaffRead, 'u.path'),
        ...(q.q ? { q: q.q } : {}),
        ...(q.phone ? { phoneBidx: this.crypto.blindIndex(q.phone) } : {}),
      },
      limit,
      offset,
    );
    return { items: rows.map(toStaff), total, limit, offset };
  }

  async assign(actor: Actor, input: AssignmentCreate): Promise<Assignment> {
    const { unit } = await this.access.requireUnit(actor, Permission.StaffWrite, input.unitId);
    const staff = await this.requireStaff(actor, Permission.StaffRead, input.staffId);
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
    const startsOn = input.startsOn ?? todayOf(this.clock);
    try {
      const id = await this.db.db.transaction().execute(async (tx) => {
        const r = await staffRepo.insertAssignment(tx, {
          staff_id: staff.id,
          unit_id: unit.id,
          role: input.role,
          post: input.post ?? null,
          starts_on: startsOn,
          created_at: this.clock.now(),
        });
        await this.audit.record(tx, actor, {
          action: 'assignment.create',
          objectType: 'assignment',
          objectId: r.id,
          unitId: unit.id,
          detail: { staffId: staff.id, role: input.role },
        });
        return r.id;
      });
      return this.getAssignment(id);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw AppError.conflict(`${unit.name} already has an active grid leader; end that assignment first`, {
          errors: [{ path: '/body/role', message: 'second active grid leader' }],
        });
      }
      throw err;
    }
  }

  private async getAssignment(id: number): Promise<Assignment> {
    const r = await staffRepo.findAssignment(this.db.db, id);
    if (!r) throw AppError.notFound(`Assignment ${id}`);
    return toAssignment(r, todayOf(this.clock));
  }

  async endAssignment(actor: Actor, id: number, endsOn: string | undefined, reason: string | null): Promise<Assignment> {
    const row = await staffRepo.findAssignment(this.db.db, id);
    if (!row) return this.access.deny(actor, Permission.StaffWrite, { objectType: 'assignment', objectId: id });
    await this.access.requirePath(actor, Permission.StaffWrite, row.unit_path, {
      objectType: 'assignment',
      objectId: id,
      unitId: row.unit_id,
    });
    if (row.ends_on !== null) throw AppError.conflict(`Assignment ${id} has already ended on ${row.ends_on}`);
    const end = endsOn ?? todayOf(this.clock);
    if (end < row.starts_on)
      throw AppError.badRequest(`An assignment cannot end before it starts (${row.starts_on})`, [
        { path: '/body/endsOn', message: 'before start' },
      ]);
    await this.db.db.transaction().execute(async (tx) => {
      await staffRepo.endAssignment(tx, id, end, reason);
      await this.audit.record(tx, actor, {
        action: 'assignment.end',
        objectType: 'assignment',
        objectId: id,
        unitId: row.unit_id,
        detail: { endsOn: end },
      });
    });
    return this.getAssignment(id);
  }

  async roster(actor: Actor, q: RosterQuery): Promise<PageOf<Assignment>> {
    const { unit } = await this.access.requireUnit(actor, Permission.StaffRead, q.within);
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

  /** Every role the person held, limited to the units the actor may see. */
  async history(actor: Actor, staffId: number): Promise<Assignment[]> {
    await this.requireStaff(actor, Permission.StaffRead, staffId);
    const today = todayOf(this.clock);
    // The empty ltree is the ancestor of every path; the scope condition narrows it.
    const { rows } = await staffRepo.roster(
      this.db.db,
      { path: '', staffId, scope: this.access.scopeCondition(actor, Permission.StaffRead, 'u.path') },
      500,
      0,
    );
    return rows.map((r) => toAssignment(r, today));
  }

  async createPartyGroup(actor: Actor, villageId: number, name: string, gridIds: number[]): Promise<PartyGroup> {
    const { unit: village } = await this.access.requireUnit(actor, Permission.UnitsWrite, villageId);
    if (village.kind !== 'village')
      throw AppError.badRequest('Party groups are attached at a village', [{ path: '/params/id', message: 'not a village' }]);
    const grids = await unitsRepo.findManyByIds(this.db.db, gridIds);
    for (const id of gridIds) {
      const g = grids.find((x) => x.id === id);
      if (!g || g.kind !== 'grid' || !g.path.startsWith(`${village.path}.`)) {
        throw AppError.badRequest(`Unit ${id} is not a grid of ${village.name}`, [
          { path: '/body/gridIds', message: 'not a grid of this village' },
        ]);
      }
    }
    const id = await this.db.db.transaction().execute(async (tx) => {
      const id = await staffRepo.insertPartyGroup(tx, { village_id: villageId, name, created_at: this.clock.now() }, gridIds);
      await this.audit.record(tx, actor, {
        action: 'partyGroup.create',
        objectType: 'partyGroup',
        objectId: id,
        unitId: villageId,
      });
      return id;
    });
    return (await this.partyGroups(actor, villageId)).find((g) => g.id === id)!;
  }

  async partyGroups(actor: Actor, villageId: number): Promise<PartyGroup[]> {
    const { unit: village } = await this.access.requireUnit(actor, Permission.UnitsRead, villageId);
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

/**
 * The unit tree: create, rename, move, retire, list and read units. Administrative units carry
 * national division codes; grids and below get stable generated codes under their parent's code.
 * Every change writes a unit_history entry in the same transaction.
 */
import {
  Permission,
  administrativeKinds,
  parentKind,
  unitLevel,
  type PageOf,
  type Unit,
  type UnitCreate,
  type UnitDetail,
  type UnitHistoryEntry,
  type UnitKind,
  type UnitListQuery,
  type UnitUpdate,
} from '@wangge/contracts';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { coverageRepo } from './coverage.repo.ts';
import { sizingWarnings } from './sizing.ts';
import { toUnit, toUnitRef } from './units.mapper.ts';
import { unitsRepo, type UnitRow } from './units.repo.ts';
import { chinaDay } from '../../lib/periods.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';

/** Dates in the domain are China-local (UTC+8, no daylight saving). */
export function todayOf(clock: Clock): string {
  return chinaDay(clock.now());
}

/** The significant digits of a 12-digit division code at each administrative level. */
const codePrefixLength: Partial<Record<UnitKind, number>> = { county: 6, township: 9, village: 12 };

export class UnitsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    /** After a move or retirement: the locator and the session cache (grant paths) start afresh. */
    private readonly onTreeChange: () => void = () => {},
  ) {}

  /**
   * Without parentId, within, q or kind: the top of what the actor may see (their granted units).
   * Searches (q, kind) cover the actor's whole scope.
   */
  async list(actor: Actor, q: UnitListQuery): Promise<PageOf<Unit>> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const P = Permission.UnitsRead;
    let withinPath: string | undefined;
    if (q.within !== undefined) withinPath = (await this.access.requireUnit(actor, P, q.within)).unit.path;
    if (q.parentId !== undefined) await this.access.requireUnit(actor, P, q.parentId);
    const roots = q.parentId === undefined && q.within === undefined && !q.q && !q.kind;
    const scopeRoots = roots ? this.access.scopePaths(actor, P) : null;
    const where = roots
      ? scopeRoots === null
        ? []
        : [
            scopeRoots.length
              ? sql<SqlBool>`u.path = any(array[${sql.join(scopeRoots.map((p) => sql`${p}::ltree`))}])`
              : sql<SqlBool>`false`,
          ]
      : [this.access.scopeCondition(actor, P, 'u.path')];
    const { rows, total } = await unitsRepo.list(
      this.db.db,
      {
        where,
        parentId: q.parentId ?? (roots && scopeRoots === null ? null : undefined),
        ...(withinPath ? { withinPath, withinId: q.within } : {}),
        q: q.q,
        kind: q.kind,
        status: q.status,
      },
      limit,
      offset,
    );
    return { items: rows.map((r) => toUnit(r)), total, limit, offset };
  }

  async detail(actor: Actor, id: number): Promise<UnitDetail> {
    const { unit: row } = await this.access.requireUnit(actor, Permission.UnitsRead, id);
    const [ancestors, childCount, households, facts] = await Promise.all([
      unitsRepo.ancestors(this.db.db, row.path),
      unitsRepo.childCount(this.db.db, id),
      coverageRepo.households(this.db.db, [id]),
      row.kind === 'grid' || row.kind === 'microGrid'
        ? coverageRepo.sizingFacts(this.db.db, row.path, todayOf(this.clock), id)
        : [],
    ]);
    return {
      unit: toUnit(row, childCount),
      ancestors: ancestors.map(toUnitRef),
      households: households[0]?.n ?? 0,
      warnings: facts.filter((f) => f.unitId === id).flatMap(sizingWarnings),
    };
  }

  async create(actor: Actor, input: UnitCreate): Promise<Unit> {
    const now = this.clock.now();
    const expectedParent = parentKind[input.kind];
    if (input.parentId === null && !actor.system)
      throw AppError.forbidden('Top-level units are loaded with `wangge units import`');
    if (input.parentId !== null) await this.access.requireUnit(actor, Permission.UnitsWrite, input.parentId);
    return this.db.db.transaction().execute(async (tx) => {
      let parent: UnitRow | undefined;
      if (input.parentId !== null) {
        parent = await unitsRepo.lock(tx, input.parentId);
        if (!parent)
          throw AppError.badRequest(`Parent unit ${input.parentId} does not exist`, [
            { path: '/body/parentId', message: 'unknown unit' },
          ]);
        if (parent.status !== 'active')
          throw AppError.badRequest(`Parent unit ${parent.name} is retired`, [
            { path: '/body/parentId', message: 'retired unit' },
          ]);
      }
      if ((parent?.kind ?? null) !== expectedParent) {
        const want = expectedParent ? `a ${expectedParent}` : 'no parent';
        throw AppError.badRequest(`A ${input.kind} must have ${want}`, [{ path: '/body/parentId', message: `must be ${want}` }]);
      }
      const code = await this.codeFor(tx, input, parent);
      try {
        const row = await unitsRepo.insert(tx, {
          code,
          name: input.name.trim(),
          kind: input.kind,
          level: unitLevel[input.kind],
          parent_id: parent?.id ?? null,
          parentPath: parent?.path ?? null,
          now,
        });
        await unitsRepo.addHistory(tx, {
          unitId: row.id,
          at: now,
          change: 'created',
          after: { code, name: row.name, parentId: row.parent_id },
        });
        return toUnit(row, 0);
      } catch (err) {
        if (isUniqueViolation(err))
          throw AppError.conflict(`Unit code ${code} is already in use`, {
            errors: [{ path: '/body/code', message: 'duplicate code' }],
          });
        throw err;
      }
    });
  }

  private async codeFor(
    tx: Parameters<typeof unitsRepo.nextChildSeq>[0],
    input: UnitCreate,
    parent: UnitRow | undefined,
  ): Promise<string> {
    if (administrativeKinds.includes(input.kind)) {
      if (!input.code)
        throw AppError.badRequest(`A ${input.kind} needs its division code`, [{ path: '/body/code', message: 'required' }]);
      const code = input.code.padEnd(12, '0');
      const own = codePrefixLength[input.kind]!;
      if (!/^0*$/.test(code.slice(own)) || (input.kind !== 'county' && /^0+$/.test(code.slice(own - 3, own)))) {
        throw AppError.badRequest(`Code ${input.code} is not a ${input.kind} division code`, [
          { path: '/body/code', message: 'wrong level' },
        ]);
      }
      const parentPrefix = parent ? codePrefixLength[parent.kind as UnitKind]! : 0;
      if (parent && code.slice(0, parentPrefix) !== parent.code.slice(0, parentPrefix)) {
        throw AppError.badRequest(`Code ${code} is not under ${parent.code}`, [
          { path: '/body/code', message: 'not under the parent code' },
        ]);
      }
      return code;
    }
    if (input.code)
      throw AppError.badRequest(`Codes of ${input.kind} units are generated`, [
        { path: '/body/code', message: 'must be omitted' },
      ]);
    const seq = await unitsRepo.nextChildSeq(tx, parent!.id);
    if (seq > 999) throw AppError.conflict(`${parent!.name} has used all 999 child codes`);
    return `${parent!.code}${String(seq).padStart(3, '0')}`;
  }

  async update(actor: Actor, id: number, input: UnitUpdate): Promise<Unit> {
    const now = this.clock.now();
    await this.access.requireUnit(actor, Permission.UnitsWrite, id);
    if (input.parentId !== undefined) await this.access.requireUnit(actor, Permission.UnitsWrite, input.parentId);
    const result = await this.db.db.transaction().execute(async (tx) => {
      let row = await unitsRepo.lock(tx, id);
      if (!row) throw AppError.notFound(`Unit ${id}`);
      if (row.version !== input.version) throw AppError.staleVersion(`Unit ${id}`, toUnit(row), input.version);
      if (row.status === 'retired') throw AppError.conflict(`Unit ${row.name} is retired`);
      if (input.name !== undefined && input.name.trim() !== row.name) {
        const before = row.name;
        row = await unitsRepo.update(tx, id, { name: input.name.trim(), now });
        await unitsRepo.addHistory(tx, {
          unitId: id,
          at: now,
          change: 'renamed',
          before: { name: before },
          after: { name: row.name },
          reason: input.reason ?? null,
        });
      }
      if (input.parentId !== undefined && input.parentId !== row.parent_id) {
        row = await this.move(tx, row, input.parentId, now, input.reason ?? null);
      }
      await this.audit.record(tx, actor, {
        action: 'unit.update',
        objectType: 'unit',
        objectId: id,
        unitId: id,
        detail: { name: input.name, parentId: input.parentId },
      });
      return row;
    });
    if (input.parentId !== undefined || input.name !== undefined) this.onTreeChange();
    return toUnit(result, await unitsRepo.childCount(this.db.db, id));
  }

  private async move(tx: Parameters<typeof unitsRepo.lock>[0], row: UnitRow, parentId: number, now: Date, reason: string | null) {
    const target = await unitsRepo.lock(tx, parentId);
    if (!target)
      throw AppError.badRequest(`Parent unit ${parentId} does not exist`, [{ path: '/body/parentId', message: 'unknown unit' }]);
    if (target.path === row.path || target.path.startsWith(`${row.path}.`)) {
      throw AppError.badRequest(`Moving ${row.name} under ${target.name} would make a cycle`, [
        { path: '/body/parentId', message: 'cycle' },
      ]);
    }
    if (target.kind !== parentKind[row.kind as UnitKind]) {
      throw AppError.badRequest(`A ${row.kind} cannot hang under a ${target.kind}`, [
        { path: '/body/parentId', message: `must be a ${parentKind[row.kind as UnitKind]}` },
      ]);
    }
    if (target.status !== 'active')
      throw AppError.badRequest(`${target.name} is retired`, [{ path: '/body/parentId', message: 'retired unit' }]);
    const moved = await unitsRepo.move(tx, row, target.id, target.path, now);
    await unitsRepo.addHistory(tx, {
      unitId: row.id,
      at: now,
      change: 'moved',
      before: { parentId: row.parent_id },
      after: { parentId: target.id },
      reason,
    });
    return moved;
  }

  /** A unit is never deleted; it is retired, and only when nothing hangs on it any more. */
  async retire(actor: Actor, id: number, version: number, reason: string | null): Promise<Unit> {
    const now = this.clock.now();
    await this.access.requireUnit(actor, Permission.UnitsWrite, id);
    const row = await this.db.db.transaction().execute(async (tx) => {
      const row = await unitsRepo.lock(tx, id);
      if (!row) throw AppError.notFound(`Unit ${id}`);
      if (row.version !== version) throw AppError.staleVersion(`Unit ${id}`, toUnit(row), version);
      if (row.status === 'retired') return row;
      const activeKids = await unitsRepo.childCount(tx, id);
      if (activeKids > 0)
        throw AppError.conflict(`${row.name} still has ${activeKids} active child units; move or retire them first`);
      const retired = await unitsRepo.update(tx, id, { status: 'retired', retired_at: now, now });
      await unitsRepo.addHistory(tx, { unitId: id, at: now, change: 'retired', reason });
      await this.audit.record(tx, actor, { action: 'unit.retire', objectType: 'unit', objectId: id, unitId: id });
      return retired;
    });
    this.onTreeChange();
    return toUnit(row, 0);
  }

  async history(actor: Actor, id: number): Promise<UnitHistoryEntry[]> {
    await this.access.requireUnit(actor, Permission.UnitsRead, id);
    const rows = await unitsRepo.history(this.db.db, id);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      change: r.change,
      before: r.before,
      after: r.after,
      reason: r.reason,
    }));
  }
}

/**
 * Coverage of a unit: counts of units by kind, staff by role and households, for the unit's whole
 * subtree and for each child, plus the sizing warnings found in the subtree.
 */
import { Permission, type Coverage, type CoverageRow } from '@wangge/contracts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { coverageRepo } from './coverage.repo.ts';
import { sizingWarnings } from './sizing.ts';
import { toUnitRef } from './units.mapper.ts';
import { todayOf } from './units.service.ts';

export class CoverageService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  async coverage(actor: Actor, id: number): Promise<Coverage> {
    const db = this.db.db;
    const { unit } = await this.access.requireUnit(actor, Permission.UnitsRead, id);
    const children = await db
      .selectFrom('unit')
      .select(['id', 'code', 'name', 'kind', 'path'])
      .where('parent_id', '=', id)
      .where('status', '=', 'active')
      .orderBy('code')
      .execute();
    const today = todayOf(this.clock);
    const roots = [id, ...children.map((c) => c.id)];
    const [units, staff, households, facts] = await Promise.all([
      coverageRepo.unitsByKind(db, roots),
      coverageRepo.staffByRole(db, roots, today),
      coverageRepo.households(db, roots),
      coverageRepo.sizingFacts(db, unit.path, today),
    ]);
    const warnings = facts.flatMap(sizingWarnings);
    // Warnings are counted under every row whose subtree holds the warned unit.
    const pathOf = new Map<number, string>();
    const warnedIds = [...new Set(warnings.map((w) => w.unitId))];
    if (warnedIds.length) {
      const rows = await db.selectFrom('unit').select(['id', 'path']).where('id', 'in', warnedIds).execute();
      for (const r of rows) pathOf.set(r.id, r.path);
    }
    const inside = (unitId: number, path: string) => {
      const p = pathOf.get(unitId);
      return p === path || (p?.startsWith(`${path}.`) ?? false);
    };
    const countsFor = (root: number, path: string): CoverageRow['counts'] => ({
      units: Object.fromEntries(units.filter((r) => r.root === root).map((r) => [r.kind, r.n])),
      staff: Object.fromEntries(staff.filter((r) => r.root === root).map((r) => [r.role, r.n])),
      households: households.find((r) => r.root === root)?.n ?? 0,
      warnings: warnings.filter((w) => inside(w.unitId, path)).length,
    });
    return {
      unit: toUnitRef(unit),
      total: countsFor(id, unit.path),
      rows: children.map((c) => ({ unit: toUnitRef(c), counts: countsFor(c.id, c.path) })),
      warnings: warnings.slice(0, 200),
    };
  }
}

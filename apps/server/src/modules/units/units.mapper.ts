import type { Unit, UnitKind, UnitRef } from '@wangge/contracts';
import type { UnitRow } from './units.repo.ts';

export function toUnit(
  row: Omit<UnitRow, 'geometry'> & { has_geometry?: boolean; geometry?: unknown; child_count?: number },
  childCount?: number,
): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    level: row.level,
    parentId: row.parent_id,
    status: row.status,
    hasGeometry: row.has_geometry ?? (row.geometry !== null && row.geometry !== undefined),
    childCount: childCount ?? row.child_count ?? 0,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function toUnitRef(row: { id: number; code: string; name: string; kind: string }): UnitRef {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind as UnitKind };
}

/**
 * Turns a coverage answer into table lines that add up. The server counts each row's subtree
 * without the row itself, and the total without the unit itself; roles held at the unit itself
 * (a village's 公益岗位) and its own warnings belong to no child. They become a 本级 line, so
 * every column of the table sums to the total line.
 */
import {
  StaffRoles,
  UnitKinds,
  roleUnitKinds,
  unitLevel,
  type Coverage,
  type StaffRole,
  type UnitKind,
  type UnitRef,
} from '@wangge/contracts';

export interface CoverageCounts {
  units: Partial<Record<UnitKind, number>>;
  staff: Partial<Record<StaffRole, number>>;
  households: number;
  warnings: number;
}

export interface CoverageLine {
  key: string;
  /** null for the 本级 line: what is held at the unit itself. */
  unit: UnitRef | null;
  counts: CoverageCounts;
}

export interface CoverageTable {
  /** Unit kinds below the unit: one column each. */
  kinds: UnitKind[];
  /** Roles that can be held anywhere below or at the unit: one column each. */
  roles: StaffRole[];
  lines: CoverageLine[];
  total: CoverageCounts;
}

const n = (record: Record<string, number>, key: string) => record[key] ?? 0;

export function coverageTable(coverage: Coverage): CoverageTable {
  const level = unitLevel[coverage.unit.kind];
  const kinds = UnitKinds.filter((k) => unitLevel[k] > level);
  const roles = StaffRoles.filter((r) => roleUnitKinds[r].some((k) => unitLevel[k as UnitKind] >= level));

  const lines: CoverageLine[] = coverage.rows.map((row) => {
    const units: Partial<Record<UnitKind, number>> = {};
    for (const kind of kinds) {
      // The row's own unit counts in its kind's column, so the columns add up to the total.
      units[kind] = n(row.counts.units, kind) + (row.unit.kind === kind ? 1 : 0);
    }
    const staff: Partial<Record<StaffRole, number>> = {};
    for (const role of roles) staff[role] = n(row.counts.staff, role);
    return {
      key: String(row.unit.id),
      unit: row.unit,
      counts: { units, staff, households: row.counts.households, warnings: row.counts.warnings },
    };
  });

  const total: CoverageCounts = {
    units: Object.fromEntries(kinds.map((k) => [k, n(coverage.total.units, k)])),
    staff: Object.fromEntries(roles.map((r) => [r, n(coverage.total.staff, r)])),
    households: coverage.total.households,
    warnings: coverage.total.warnings,
  };

  const sum = (pick: (c: CoverageCounts) => number) => lines.reduce((acc, line) => acc + pick(line.counts), 0);
  const own: CoverageCounts = {
    units: Object.fromEntries(kinds.map((k) => [k, (total.units[k] ?? 0) - sum((c) => c.units[k] ?? 0)])),
    staff: Object.fromEntries(roles.map((r) => [r, (total.staff[r] ?? 0) - sum((c) => c.staff[r] ?? 0)])),
    households: total.households - sum((c) => c.households),
    warnings: total.warnings - sum((c) => c.warnings),
  };
  const ownHasAny =
    own.households !== 0 ||
    own.warnings !== 0 ||
    Object.values(own.units).some((v) => v !== 0) ||
    Object.values(own.staff).some((v) => v !== 0);
  if (ownHasAny) lines.push({ key: 'own', unit: null, counts: own });

  return { kinds, roles, lines, total };
}

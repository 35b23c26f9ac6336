import { StaffRoles, roleUnitKinds, type StaffRole, type UnitKind } from '@wangge/contracts';

/** The roles that may be held at a unit of this kind (a 网格长 only at a grid, a 联户长 at a micro-grid or household group …). */
export function rolesForKind(kind: UnitKind): StaffRole[] {
  return StaffRoles.filter((role) => roleUnitKinds[role].includes(kind));
}

/** Posts the seeds name for 公益岗位; the field accepts any other. */
export const WELFARE_POSTS = ['护林员', '保洁员', '地灾员', '护路员', '水管员'] as const;

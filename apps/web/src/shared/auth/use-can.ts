/**
 * Whether the signed-in user may do something at a unit: some active grant of theirs, at the
 * unit or one of its ancestors, carries the permission. The server decides (and audits); this
 * only hides what would be refused. While unknown (loading, signed out) the answer is no.
 */
import { roleHas, type Permission } from '@wangge/contracts';
import { useMe } from './get-me.ts';

export interface UnitScope {
  unit: { id: number };
  ancestors: readonly { id: number }[];
}

export function useCan(permission: Permission, at: UnitScope | undefined): boolean {
  const me = useMe();
  if (!me.data || !at || me.data.stage !== 'active') return false;
  const path = new Set([at.unit.id, ...at.ancestors.map((a) => a.id)]);
  return me.data.grants.some((g) => g.revokedAt === null && path.has(g.unit.id) && roleHas(g.role, permission));
}

/** Whether the user holds the permission anywhere (e.g. may create the county in an empty system). */
export function useCanSomewhere(permission: Permission): boolean {
  const me = useMe();
  return me.data?.stage === 'active' && me.data.permissions.includes(permission);
}

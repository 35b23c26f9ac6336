/**
 * Breadcrumbs from the highest unit the user may view down to the unit on screen, each a link to
 * that unit's dashboard: the way back up after drilling down the map or the ranking.
 */
import { Breadcrumb } from 'antd';
import { Permission, roleHas, type UnitRef } from '@wangge/contracts';
import { Link } from 'react-router';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { useMe } from '@/shared/auth/get-me.ts';
import { useDisplay } from '../hooks/use-display.ts';

export function trailFrom(ancestors: readonly UnitRef[], unit: UnitRef, viewable: ReadonlySet<number>): UnitRef[] {
  const all = [...ancestors, unit];
  if (viewable.size === 0) return all;
  const top = all.findIndex((u) => viewable.has(u.id));
  return top < 0 ? [unit] : all.slice(top);
}

export function UnitTrail({ unit, linkTo }: { unit: UnitRef; linkTo: (unitId: number) => string }) {
  const { wall } = useDisplay();
  const detail = useUnit(unit.id);
  const me = useMe();
  const viewable = new Set(
    (me.data?.grants ?? [])
      .filter((g) => g.revokedAt === null && roleHas(g.role, Permission.DashboardRead))
      .map((g) => g.unit.id),
  );
  // Above the user's own units the dashboards would be refused: the trail starts at theirs.
  const trail = trailFrom(detail.data?.ancestors ?? [], unit, viewable);
  return (
    <div data-testid="cc-trail">
      <Breadcrumb
        style={{ fontSize: wall ? 22 : 16 }}
        items={trail.map((u, i) =>
          i === trail.length - 1
            ? { key: u.id, title: <span data-testid="cc-unit-name">{u.name}</span> }
            : {
                key: u.id,
                title: (
                  <Link to={linkTo(u.id)} data-testid="cc-trail-link" data-unit-id={u.id}>
                    {u.name}
                  </Link>
                ),
              },
        )}
      />
    </div>
  );
}

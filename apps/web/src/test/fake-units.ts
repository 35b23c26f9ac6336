/**
 * A fake of the unit endpoints over an in-memory tree, for tests that move around the 网格
 * module: list (roots, parentId, q), detail with ancestors, and empty map/history/coverage.
 */
import type { Unit, UnitDetail } from '@wangge/contracts';
import { detail, page } from './factories.ts';
import { json, problem, stubHealthyServer, type FetchHandler } from './fetch.ts';

export function stubUnitTree(
  units: Unit[],
  extra: Record<string, FetchHandler> = {},
  details: Record<number, Partial<UnitDetail>> = {},
) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const ancestorsOf = (u: Unit): Unit[] => {
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    return parent ? [...ancestorsOf(parent), parent] : [];
  };
  const handlers: Record<string, FetchHandler> = {
    '/api/v1/units': ({ url }) => {
      const parentId = url.searchParams.get('parentId');
      const q = url.searchParams.get('q');
      if (q) return json(200, page(units.filter((u) => u.name.includes(q) || u.code.includes(q))));
      const wanted = parentId === null ? null : Number(parentId);
      return json(200, page(units.filter((u) => u.parentId === wanted)));
    },
  };
  for (const u of units) {
    handlers[`/api/v1/units/${u.id}`] = () => json(200, { ...detail(u, ancestorsOf(u)), ...details[u.id] });
    handlers[`/api/v1/units/${u.id}/map`] = () => json(200, { type: 'FeatureCollection', features: [], outline: null });
    handlers[`/api/v1/units/${u.id}/history`] = () => json(200, []);
  }
  handlers['/api/v1/units/999999'] = () => problem(404, 'not_found');
  return stubHealthyServer({ ...handlers, ...extra });
}

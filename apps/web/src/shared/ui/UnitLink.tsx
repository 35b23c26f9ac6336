import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** Tabs of the unit page, also the `tab` query parameter of its URL. */
export type UnitTab = 'overview' | 'map' | 'staff' | 'households' | 'coverage' | 'history';

/** The URL of a unit in the 网格 module; every feature links to units through this. */
export function unitPath(id: number, tab?: UnitTab): string {
  return tab && tab !== 'overview' ? `/units/${id}?tab=${tab}` : `/units/${id}`;
}

export function UnitLink({ id, tab, children }: { id: number; tab?: UnitTab; children: ReactNode }) {
  return (
    <Link to={unitPath(id, tab)} data-unit-id={id}>
      {children}
    </Link>
  );
}

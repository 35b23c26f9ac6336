/**
 * The unit whose subtree the 人口与房屋 screens show: `?within=` in the URL, so a view can be
 * linked and survives going to a profile and back; without it, the user's first top unit.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useUnitChildren } from '@/features/units/api/get-unit-children.ts';

export interface Scope {
  /** Undefined while the top units load, or when the user has none. */
  unitId: number | undefined;
  /** The top units are still loading (no unit to show yet). */
  pending: boolean;
  /** The user has no unit at all to view. */
  none: boolean;
  error: unknown;
  setUnitId: (unitId: number | undefined) => void;
}

export function parseId(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

export function useScope(): Scope {
  const [params, setParams] = useSearchParams();
  const requested = parseId(params.get('within'));
  const roots = useUnitChildren(null);
  const fallback = roots.data?.items[0]?.id;

  const setUnitId = useCallback(
    (unitId: number | undefined) =>
      // Another unit's people are another list: its filters stay, its page and selection go.
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (unitId === undefined) next.delete('within');
          else next.set('within', String(unitId));
          next.delete('page');
          next.delete('building');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    unitId: requested ?? fallback,
    pending: requested === undefined && roots.isPending,
    none: requested === undefined && roots.isSuccess && fallback === undefined,
    error: requested === undefined ? roots.error : null,
    setUnitId,
  };
}

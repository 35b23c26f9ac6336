/** A unit's command-center overview for a month (default: the caller's top unit, this month). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardQuery } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>('/api/v1/dashboard', { signal, query: { ...query } });
}

/**
 * One request started by the route's loader, before the session is checked and the shell has
 * rendered, and handed to the first query that asks for the same dashboard: the figures are on
 * screen much sooner on a cold load. `after`: what must arrive first (the screens' code; a server
 * busy with the dashboard would serve it late). Unclaimed, it expires.
 */
let early: { key: string; promise: Promise<Dashboard>; at: number } | null = null;
const EARLY_MS = 10_000;
const keyOf = (q: DashboardQuery) => `${q.unitId ?? ''}/${q.month ?? ''}`;

export function prefetchDashboard(query: DashboardQuery, after: Promise<unknown> = Promise.resolve()): void {
  const promise = after.then(
    () => getDashboard(query),
    () => getDashboard(query),
  );
  // A failure is the claiming query's to report; unclaimed, it is nobody's.
  promise.catch(() => undefined);
  early = { key: keyOf(query), promise, at: Date.now() };
}

function claimPrefetched(query: DashboardQuery): Promise<Dashboard> | null {
  const claim = early;
  early = null;
  return claim && claim.key === keyOf(query) && Date.now() - claim.at < EARLY_MS ? claim.promise : null;
}

/** Figures also change without an event (the day turns, a light is swept): a slow refresh on top of the live one. */
const REFRESH_MS = 5 * 60_000;

export const dashboardQueryOptions = (query: DashboardQuery) =>
  queryOptions({
    queryKey: ['dashboard', query],
    queryFn: ({ signal }) => claimPrefetched(query) ?? getDashboard(query, signal),
    // Another unit or month keeps the last figures on screen until the new ones arrive (no blank wall).
    placeholderData: keepPreviousData,
    // The live stream follows the unit on screen: another unit's figures kept in the cache may have
    // moved meanwhile, so a unit shown again is asked again (its cached figures show until then).
    staleTime: 0,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });

export function useDashboard(query: DashboardQuery) {
  return useQuery(dashboardQueryOptions(query));
}

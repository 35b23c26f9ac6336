/**
 * The 指挥中心 module: /command-center/:unitId? is the overview of a unit (default: the user's top
 * unit), /command-center/wall/:unitId? the same unit on the wall (大屏). Month, map measure and the
 * wall's rotation are query parameters (see features/command-center/utils/params.ts).
 *
 * This route module is kept tiny, so its loader runs as early as possible.
 */
import { lazy, Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { prefetchDashboard } from '@/features/command-center/api/get-dashboard.ts';
import { initialQuery, parseRoute } from '@/features/command-center/utils/params.ts';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';

const loadScreens = () => import('@/features/command-center/components/CommandCenterRoute.tsx');
const CommandCenterRoute = lazy(loadScreens);

/**
 * Starts loading the screens' code, then the dashboard's request, without waiting for either: both
 * arrive while the session is checked and the shell renders. The page's query claims the request.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const screens = loadScreens();
  const route = parseRoute(params.unitOrWall, params.wallUnitId);
  if (!route.invalid) prefetchDashboard(initialQuery(route, new URL(request.url).searchParams), screens);
  return null;
}

// Within the module the page's own queries take over (drill-down, month, measure, rotation).
export const shouldRevalidate = () => false;

export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <CommandCenterRoute />
    </Suspense>
  );
}

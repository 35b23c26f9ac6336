/** The route table. Tests build a memory router from the same `routes`. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { appModules } from './modules.tsx';
import { RouteError } from './routes/RouteError.tsx';

const moduleRoutes: RouteObject[] = appModules.map((m) =>
  m.path === '/'
    ? { index: true, lazy: m.load, HydrateFallback: PageLoading }
    : { path: `${m.path.slice(1)}${m.params ?? ''}`, lazy: m.load, HydrateFallback: PageLoading },
);

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [...moduleRoutes, { path: '*', lazy: () => import('./routes/not-found.tsx'), HydrateFallback: PageLoading }],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

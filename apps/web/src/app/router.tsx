/** The route table. Tests build a memory router from the same `routes`. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireSession } from '@/features/auth/components/RequireSession.tsx';
import { SignInLayout } from '@/features/auth/components/SignInLayout.tsx';
import { accountRoute, signInRoutes } from '@/features/auth/routes.tsx';
import { LOGIN_PATH } from '@/features/auth/utils/paths.ts';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LanguageSwitcher } from './layout/LanguageSwitcher.tsx';
import { appModules } from './modules.tsx';
import { RouteError } from './routes/RouteError.tsx';

const moduleRoutes: RouteObject[] = appModules.map((m) =>
  m.path === '/'
    ? { index: true, lazy: m.load, HydrateFallback: PageLoading }
    : { path: `${m.path.slice(1)}${m.params ?? ''}`, lazy: m.load, HydrateFallback: PageLoading },
);

export const routes: RouteObject[] = [
  // Signing in: outside the shell, reachable without a session.
  { path: LOGIN_PATH, element: <SignInLayout extra={<LanguageSwitcher />} />, ErrorBoundary: RouteError, children: signInRoutes },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    ErrorBoundary: RouteError,
    children: [
      ...moduleRoutes,
      accountRoute,
      { path: '*', lazy: () => import('./routes/not-found.tsx'), HydrateFallback: PageLoading },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

/** The auth feature's pages for the router: the sign-in steps (under /login) and /account. */
import type { RouteObject } from 'react-router';
import { PageLoading } from '@/shared/ui/PageLoading.tsx';
import { signInStepSegment } from './utils/paths.ts';

export const signInRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./components/LoginPage.tsx')).LoginPage }),
    HydrateFallback: PageLoading,
  },
  {
    path: signInStepSegment.passwordChangeRequired,
    lazy: async () => ({ Component: (await import('./components/PasswordChangePage.tsx')).PasswordChangePage }),
    HydrateFallback: PageLoading,
  },
  {
    path: signInStepSegment.totpRequired,
    lazy: async () => ({ Component: (await import('./components/TotpPage.tsx')).TotpPage }),
    HydrateFallback: PageLoading,
  },
  {
    path: signInStepSegment.totpEnrollRequired,
    lazy: async () => ({ Component: (await import('./components/TotpEnrollPage.tsx')).TotpEnrollPage }),
    HydrateFallback: PageLoading,
  },
];

export const accountRoute: RouteObject = {
  path: 'account',
  lazy: async () => ({ Component: (await import('./components/AccountPage.tsx')).AccountPage }),
  HydrateFallback: PageLoading,
};

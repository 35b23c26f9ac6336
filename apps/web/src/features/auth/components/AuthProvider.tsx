/**
 * Watches every query and mutation for answers that concern the session itself, so no feature has
 * to: 401 means the session is gone (timed out, account disabled, signed out elsewhere), and
 * everything the page still holds of it is dropped; `sign_in_incomplete` and `csrf_failed` mean
 * this page's idea of the session is out of date, so it asks the server again.
 */
import { useEffect, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ErrorCode } from '@wangge/contracts';
import { isApiError, setCsrfToken } from '@/shared/api/client.ts';
import { meQueryOptions } from '@/shared/auth/get-me.ts';

function sessionEnded(queryClient: QueryClient) {
  const meKey = meQueryOptions().queryKey;
  setCsrfToken(null);
  // The me entry stays (as "nobody"), so the route guard sees the change and opens the login page.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] || query.queryKey[1] !== meKey[1] });
  queryClient.getMutationCache().clear();
  queryClient.setQueryData(meKey, null);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const react = (error: unknown) => {
      if (!isApiError(error)) return;
      if (error.code === ErrorCode.Unauthenticated) {
        // Not inside the cache's own notification.
        queueMicrotask(() => sessionEnded(queryClient));
      } else if (error.code === ErrorCode.SignInIncomplete || error.code === ErrorCode.CsrfFailed) {
        void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
      }
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') react(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') react(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);

  return children;
}

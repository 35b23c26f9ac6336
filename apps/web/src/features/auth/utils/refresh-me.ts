/** Asks the server again who is signed in, after a step that moves the session on. */
import type { QueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '@/shared/auth/get-me.ts';

export function refreshMe(queryClient: QueryClient) {
  // fetchQuery, not invalidate: it also refetches when no component is watching right now.
  return queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
}
